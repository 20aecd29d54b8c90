package camera.api.hal;

/** The colour of the top-left 2x2 sites of a Bayer mosaic, row by row. */
public enum BayerPattern {
	RGGB, BGGR, GRBG, GBRG
}
