"""Plain-Python 3D vectors and 3x3 rotation matrices (about 20 joints: no numpy needed)."""

from __future__ import annotations

import math
from typing import TypeAlias

Vec3: TypeAlias = tuple[float, float, float]
# Row-major 3x3 matrix; columns are the rotated frame's x, y, z axes.
Mat3: TypeAlias = tuple[Vec3, Vec3, Vec3]

IDENTITY: Mat3 = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))


def add(a: Vec3, b: Vec3) -> Vec3:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec3, b: Vec3) -> Vec3:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale(a: Vec3, k: float) -> Vec3:
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a: Vec3, b: Vec3) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a: Vec3, b: Vec3) -> Vec3:
    return (
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    )


def norm(a: Vec3) -> float:
    return math.sqrt(dot(a, a))


def normalize(a: Vec3) -> Vec3:
    n = norm(a)
    if n < 1e-12:
        raise ValueError("cannot normalise a zero vector")
    return (a[0] / n, a[1] / n, a[2] / n)


def lerp(a: Vec3, b: Vec3, u: float) -> Vec3:
    return (a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u, a[2] + (b[2] - a[2]) * u)


def distance(a: Vec3, b: Vec3) -> float:
    return norm(sub(a, b))


def mat_vec(m: Mat3, v: Vec3) -> Vec3:
    return (dot(m[0], v), dot(m[1], v), dot(m[2], v))


def mat_mul(a: Mat3, b: Mat3) -> Mat3:
    cols = (
        (b[0][0], b[1][0], b[2][0]),
        (b[0][1], b[1][1], b[2][1]),
        (b[0][2], b[1][2], b[2][2]),
    )
    return (
        (dot(a[0], cols[0]), dot(a[0], cols[1]), dot(a[0], cols[2])),
        (dot(a[1], cols[0]), dot(a[1], cols[1]), dot(a[1], cols[2])),
        (dot(a[2], cols[0]), dot(a[2], cols[1]), dot(a[2], cols[2])),
    )


def transpose(m: Mat3) -> Mat3:
    return (
        (m[0][0], m[1][0], m[2][0]),
        (m[0][1], m[1][1], m[2][1]),
        (m[0][2], m[1][2], m[2][2]),
    )


def from_columns(x: Vec3, y: Vec3, z: Vec3) -> Mat3:
    return ((x[0], y[0], z[0]), (x[1], y[1], z[1]), (x[2], y[2], z[2]))


def rot_x(deg: float) -> Mat3:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))


def rot_y(deg: float) -> Mat3:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))


def rot_z(deg: float) -> Mat3:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def rot_axis(axis: Vec3, deg: float) -> Mat3:
    """Rotation by *deg* about the unit vector *axis* (Rodrigues)."""
    x, y, z = axis
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    t = 1.0 - c
    return (
        (t * x * x + c, t * x * y - s * z, t * x * z + s * y),
        (t * x * y + s * z, t * y * y + c, t * y * z - s * x),
        (t * x * z - s * y, t * y * z + s * x, t * z * z + c),
    )


def _clamp_unit(v: float) -> float:
    return max(-1.0, min(1.0, v))


def euler_xzy(m: Mat3) -> tuple[float, float, float]:
    """Angles (a, b, c) in degrees with m == rot_x(a) @ rot_z(b) @ rot_y(c)."""
    b = math.asin(_clamp_unit(-m[0][1]))
    a = math.atan2(m[2][1], m[1][1])
    c = math.atan2(m[0][2], m[0][0])
    return (math.degrees(a), math.degrees(b), math.degrees(c))


def euler_yxz(m: Mat3) -> tuple[float, float, float]:
    """Angles (c, a, b) in degrees with m == rot_y(c) @ rot_x(a) @ rot_z(b)."""
    a = math.asin(_clamp_unit(-m[1][2]))
    c = math.atan2(m[0][2], m[2][2])
    b = math.atan2(m[1][0], m[1][1])
    return (math.degrees(c), math.degrees(a), math.degrees(b))
