"""Frames from QtMultimedia (a camera or a video file) into the pure pose package.

The camera page and `glutemed stance analyse` share one path: a `QVideoSink` delivers
`QVideoFrame`s, `frames.rgb_frame` turns each into an `RgbFrame`, and
`StanceAnalyser` runs the pose estimator and the stance tracker on it. Frames stay in
memory; nothing here writes them anywhere.
"""
