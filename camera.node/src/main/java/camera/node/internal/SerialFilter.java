package camera.node.internal;

import java.io.ObjectInputFilter;

import org.osgi.service.log.Logger;

/**
 * Aries RSA's TCP provider deserialises whatever a caller sends before any method runs, so the node admits only the
 * classes of the development contract: a JVM-wide filter, set once, for a process that serves nothing else.
 */
final class SerialFilter {
	/**
	 * The contract's values, the JDK classes inside them (strings, boxed numbers, immutable lists, times), and
	 * bounded sizes: a frame of up to 256 MB, a shallow graph.
	 */
	static final String PATTERN = "maxdepth=12;maxrefs=4096;maxarray=268435456;"
			+ "camera.develop.remote.*;camera.develop.ExifData;camera.develop.GeoPosition;"
			+ "camera.api.hal.PixelFormat;camera.api.hal.BayerPattern;"
			+ "java.lang.String;java.lang.Number;java.lang.Long;java.lang.Integer;java.lang.Enum;java.lang.Object;"
			+ "java.lang.Record;java.util.ImmutableCollections$ListN;java.util.ImmutableCollections$List12;"
			+ "java.util.CollSer;java.time.Ser;java.time.Instant;java.time.ZoneOffset;!*";

	private SerialFilter() {
	}

	static void install(Logger log) {
		ObjectInputFilter current = ObjectInputFilter.Config.getSerialFilter();
		if (current != null) {
			log.info("the JVM's serialisation filter is kept as configured: {}", current);
			return;
		}
		try {
			ObjectInputFilter.Config.setSerialFilter(ObjectInputFilter.Config.createFilter(PATTERN));
		} catch (IllegalStateException e) {
			log.info("the JVM's serialisation filter was set meanwhile and is kept: {}", e.getMessage());
		}
	}
}
