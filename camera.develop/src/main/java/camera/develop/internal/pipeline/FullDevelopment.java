package camera.develop.internal.pipeline;

import java.util.List;

/**
 * One full development of a burst, strip by strip: merge the aligned frames, demosaic, denoise, sharpen, write.
 * Strips are independent (each recomputes its own border), so workers take them in any order.
 */
final class FullDevelopment {
	private final BayerMosaic reference;
	private final BurstMerger merger;
	private final LumaGuidedDenoiser denoiser;
	private final UnsharpMask sharpener;
	private final int stripRows;
	private final float demosaicCorrection;
	final byte[] rgb;

	FullDevelopment(List<BayerMosaic> frames, List<FrameShift> shifts, NoiseModel noise, DevelopmentSettings settings) {
		reference = frames.get(0);
		merger = new BurstMerger(frames, shifts, noise);
		denoiser = new LumaGuidedDenoiser(noise, settings.denoiseStrength(), frames.size());
		ColourOutput output = new ColourOutput(settings.whiteBalance(), reference.blackLevel, reference.whiteLevel);
		sharpener = new UnsharpMask(settings.sharpenAmount(), output);
		stripRows = settings.stripRows();
		demosaicCorrection = (float) settings.demosaicCorrection();
		rgb = new byte[Math.multiplyExact(reference.width * reference.height, 3)];
	}

	int strips() {
		return (reference.height + stripRows - 1) / stripRows;
	}

	StripWorkspace newWorkspace() {
		return new StripWorkspace(reference.width, stripRows);
	}

	void developStrip(int strip, StripWorkspace workspace) {
		int firstRow = strip * stripRows;
		int height = Math.min(stripRows, reference.height - firstRow);
		int pad = StripWorkspace.PAD;
		int rows = height + 2 * pad;
		int virtualTop = firstRow - pad;
		for (int r = 0; r < rows; r++) {
			int y = BayerMosaic.mirror(virtualTop + r, reference.height);
			int rowStart = r * workspace.paddedWidth;
			merger.mergeRow(y, workspace.mosaic, rowStart + pad, workspace.merge);
			mirrorColumns(workspace.mosaic, rowStart);
		}
		DirectionalDemosaic.demosaic(workspace, reference, virtualTop, rows, demosaicCorrection);
		denoiser.denoise(workspace, rows);
		sharpener.sharpenInto(workspace, rows, firstRow, reference.width, rgb);
	}

	/** Fills the padding columns with their parity-preserving mirror images so site colours stay right. */
	private void mirrorColumns(float[] plane, int rowStart) {
		int pad = StripWorkspace.PAD;
		int width = reference.width;
		for (int j = 1; j <= pad; j++) {
			plane[rowStart + pad - j] = plane[rowStart + pad + j];
			plane[rowStart + pad + width - 1 + j] = plane[rowStart + pad + width - 1 - j];
		}
	}
}
