"""Camera or video frames -> body landmarks -> stance events. Pure (no Qt).

`landmarks` and `stance_rules`/`stance_tracker` are plain Python; `estimator` runs the
BlazePose models and imports numpy, Pillow and the TFLite interpreter only when a
`PoseEstimator` is made, so nothing here costs start-up time.
"""
