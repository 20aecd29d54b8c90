package camera.develop.internal.pipeline;

/** Where a frame's content sits relative to the first frame: frame pixel {@code (x+dx, y+dy)} shows reference pixel {@code (x, y)}. */
record FrameShift(int dx, int dy) {
	static final FrameShift NONE = new FrameShift(0, 0);
}
