package camera.develop.internal.codec;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import camera.develop.RgbImage;

/**
 * libjpeg-turbo through its TurboJPEG 2 API ({@code tjInitCompress}, {@code tjCompress2}), called with the
 * Foreign Function and Memory API. Every thread keeps its own compressor handle and native output buffer, sized
 * with {@code tjBufSize} and grown when a larger image comes, so steady-state encoding allocates only the
 * returned array. The pixels are passed straight from the Java array (a critical call: no copy). libjpeg-turbo
 * encodes on one thread, so a large image is cut into stripes encoded at once on several threads and joined with
 * restart markers ({@link StripeSplicer}). The compact form is that file rewritten losslessly by
 * {@code tjTransform} as a progressive JPEG, whose Huffman tables libjpeg-turbo then optimises.
 */
final class TurboJpegEncoder implements JpegEncoder {
	static final String LIBRARY = "libturbojpeg.so.0";
	private static final int PIXEL_FORMAT_RGB = 0;
	private static final int SUBSAMPLING_420 = 2;
	private static final int FLAG_NO_REALLOCATION = 1024;
	private static final int TRANSFORM_NONE = 0;
	private static final int TRANSFORM_OPTION_PROGRESSIVE = 32;
	/** {@code tjtransform}: a crop region (four ints), op, options, a data pointer and a filter pointer. */
	private static final MemoryLayout TRANSFORM = MemoryLayout.structLayout(JAVA_INT.withName("x"),
			JAVA_INT.withName("y"), JAVA_INT.withName("w"), JAVA_INT.withName("h"), JAVA_INT.withName("op"),
			JAVA_INT.withName("options"), ADDRESS.withName("data"), ADDRESS.withName("customFilter"));

	private final MethodHandle initCompress;
	private final MethodHandle compress;
	private final MethodHandle bufferSize;
	private final MethodHandle destroy;
	private final MethodHandle errorText;
	private final MethodHandle initTransform;
	private final MethodHandle transform;
	private final MethodHandle free;
	private final String name;
	private final Set<Compressor> compressors = ConcurrentHashMap.newKeySet();
	private final ThreadLocal<Compressor> perThread = ThreadLocal.withInitial(this::newCompressor);
	private final StripeWork stripeWork;
	private volatile boolean closed;

	private TurboJpegEncoder(SymbolLookup library, int threads) {
		Linker linker = Linker.nativeLinker();
		initCompress = linker.downcallHandle(symbol(library, "tjInitCompress"), FunctionDescriptor.of(ADDRESS));
		compress = linker.downcallHandle(symbol(library, "tjCompress2"),
				FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS,
						ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT),
				Linker.Option.critical(true));
		bufferSize = linker.downcallHandle(symbol(library, "tjBufSize"),
				FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT));
		destroy = linker.downcallHandle(symbol(library, "tjDestroy"), FunctionDescriptor.of(JAVA_INT, ADDRESS));
		errorText = linker.downcallHandle(symbol(library, "tjGetErrorStr2"), FunctionDescriptor.of(ADDRESS, ADDRESS));
		initTransform = linker.downcallHandle(symbol(library, "tjInitTransform"), FunctionDescriptor.of(ADDRESS));
		transform = linker.downcallHandle(symbol(library, "tjTransform"), FunctionDescriptor.of(JAVA_INT, ADDRESS,
				ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT));
		free = linker.downcallHandle(symbol(library, "tjFree"), FunctionDescriptor.ofVoid(ADDRESS));
		name = "libjpeg-turbo (TurboJPEG " + (library.find("tj3Init").isPresent() ? "3" : "2") + " library)";
		stripeWork = new StripeWork(threads - 1);
	}

	/** @return the encoder using every core, or empty when {@value #LIBRARY} cannot be loaded */
	static Optional<TurboJpegEncoder> load() {
		return load(Runtime.getRuntime().availableProcessors());
	}

	/**
	 * @param threads how many threads may encode the stripes of one large image at once
	 * @return the encoder, or empty when {@value #LIBRARY} cannot be loaded
	 */
	static Optional<TurboJpegEncoder> load(int threads) {
		SymbolLookup library;
		try {
			library = SymbolLookup.libraryLookup(LIBRARY, Arena.global());
		} catch (IllegalArgumentException notFound) {
			return Optional.empty();
		}
		return Optional.of(new TurboJpegEncoder(library, threads));
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public byte[] encode(RgbImage image, int quality, byte[] app1) {
		if (closed) {
			throw new IllegalStateException("the libjpeg-turbo encoder is closed");
		}
		Stripes stripes = Stripes.plan(image.width(), image.height(), stripeWork.threads());
		if (stripes.count() == 1) {
			return perThread.get().encode(image, quality, app1);
		}
		List<byte[]> encoded = stripeWork.encode(stripes.count(), stripe -> perThread.get()
				.encodeRows(image, stripes.firstRow(stripe), stripes.rows(stripe), quality));
		return StripeSplicer.splice(encoded, stripes, app1);
	}

	@Override
	public byte[] encodeCompact(RgbImage image, int quality, byte[] app1) {
		return progressive(encode(image, quality, app1));
	}

	/** @return the same JPEG rewritten as a progressive one; the DCT coefficients and every marker are kept */
	private byte[] progressive(byte[] jpeg) {
		MemorySegment handle;
		try {
			handle = (MemorySegment) initTransform.invokeExact();
		} catch (Throwable e) {
			throw new IllegalStateException("tjInitTransform failed", e);
		}
		if (handle.equals(MemorySegment.NULL)) {
			throw new IllegalStateException("tjInitTransform returned no handle");
		}
		try (Arena call = Arena.ofConfined()) {
			MemorySegment source = call.allocate(jpeg.length);
			MemorySegment.copy(jpeg, 0, source, JAVA_BYTE, 0, jpeg.length);
			MemorySegment outputPointer = call.allocate(ADDRESS);
			MemorySegment outputSize = call.allocate(JAVA_LONG);
			MemorySegment options = call.allocate(TRANSFORM);
			options.set(JAVA_INT, TRANSFORM.byteOffset(MemoryLayout.PathElement.groupElement("op")), TRANSFORM_NONE);
			options.set(JAVA_INT, TRANSFORM.byteOffset(MemoryLayout.PathElement.groupElement("options")),
					TRANSFORM_OPTION_PROGRESSIVE);
			int status = (int) transform.invokeExact(handle, source, (long) jpeg.length, 1, outputPointer,
					outputSize, options, 0);
			MemorySegment output = outputPointer.get(ADDRESS, 0);
			try {
				if (status != 0) {
					throw new IllegalStateException("libjpeg-turbo could not rewrite the JPEG as progressive: "
							+ errorOf(handle));
				}
				return output.reinterpret(outputSize.get(JAVA_LONG, 0)).toArray(JAVA_BYTE);
			} finally {
				if (!output.equals(MemorySegment.NULL)) {
					free.invokeExact(output);
				}
			}
		} catch (RuntimeException | Error e) {
			throw e;
		} catch (Throwable e) {
			throw new IllegalStateException("tjTransform failed", e);
		} finally {
			destroy(handle);
		}
	}

	private String errorOf(MemorySegment handle) {
		try {
			MemorySegment text = (MemorySegment) errorText.invokeExact(handle);
			return text.reinterpret(1024).getString(0);
		} catch (Throwable e) {
			return "no error text (" + e + ")";
		}
	}

	private void destroy(MemorySegment handle) {
		int status;
		try {
			status = (int) destroy.invokeExact(handle);
		} catch (Throwable e) {
			throw new IllegalStateException("tjDestroy failed", e);
		}
		if (status != 0) {
			throw new IllegalStateException("tjDestroy refused its handle: " + status);
		}
	}

	@Override
	public void close() {
		closed = true;
		stripeWork.close();
		for (Compressor compressor : compressors) {
			compressor.close();
		}
		compressors.clear();
	}

	private Compressor newCompressor() {
		MemorySegment handle;
		try {
			handle = (MemorySegment) initCompress.invokeExact();
		} catch (Throwable e) {
			throw new IllegalStateException("tjInitCompress failed", e);
		}
		if (handle.equals(MemorySegment.NULL)) {
			throw new IllegalStateException("tjInitCompress returned no handle");
		}
		Compressor compressor = new Compressor(handle);
		compressors.add(compressor);
		return compressor;
	}

	private static MemorySegment symbol(SymbolLookup library, String name) {
		return library.find(name).orElseThrow(
				() -> new IllegalArgumentException(LIBRARY + " lacks " + name + "; is it libjpeg-turbo 2.x or later?"));
	}

	/** One thread's handle and buffers. */
	private final class Compressor {
		private final MemorySegment handle;
		private final Arena cells = Arena.ofShared();
		private final MemorySegment outputPointer = cells.allocate(ADDRESS);
		private final MemorySegment outputSize = cells.allocate(JAVA_LONG);
		private Arena outputArena;
		private MemorySegment output = MemorySegment.NULL;

		Compressor(MemorySegment handle) {
			this.handle = handle;
		}

		/** @return the JPEG file of the whole image with the APP1 segment inserted */
		byte[] encode(RgbImage image, int quality, byte[] app1) {
			int length = compress(image, 0, image.height(), quality);
			byte[] head = output.asSlice(0, Math.min(length, 64)).toArray(JAVA_BYTE);
			int at = ExifSegment.insertionPoint(head, head.length);
			byte[] file = new byte[length + app1.length];
			MemorySegment.copy(output, JAVA_BYTE, 0, file, 0, at);
			System.arraycopy(app1, 0, file, at, app1.length);
			MemorySegment.copy(output, JAVA_BYTE, at, file, at + app1.length, length - at);
			return file;
		}

		/** @return a JPEG file of the given rows alone */
		byte[] encodeRows(RgbImage image, int firstRow, int rows, int quality) {
			int length = compress(image, firstRow, rows, quality);
			return output.asSlice(0, length).toArray(JAVA_BYTE);
		}

		private int compress(RgbImage image, int firstRow, int rows, int quality) {
			long capacity = capacityFor(image.width(), rows);
			if (output.byteSize() < capacity) {
				if (outputArena != null) {
					outputArena.close();
				}
				outputArena = Arena.ofShared();
				output = outputArena.allocate(capacity);
			}
			outputPointer.set(ADDRESS, 0, output);
			outputSize.set(JAVA_LONG, 0, output.byteSize());
			int pitch = image.width() * 3;
			MemorySegment pixels = MemorySegment.ofArray(image.rgb()).asSlice((long) firstRow * pitch);
			int status;
			try {
				status = (int) compress.invokeExact(handle, pixels, image.width(), pitch, rows, PIXEL_FORMAT_RGB,
						outputPointer, outputSize, SUBSAMPLING_420, quality, FLAG_NO_REALLOCATION);
			} catch (Throwable e) {
				throw new IllegalStateException("tjCompress2 failed", e);
			}
			if (status != 0) {
				throw new IllegalStateException("libjpeg-turbo could not encode " + image.width() + "x"
						+ rows + ": " + lastError());
			}
			return Math.toIntExact(outputSize.get(JAVA_LONG, 0));
		}

		private long capacityFor(int width, int height) {
			try {
				return (long) bufferSize.invokeExact(width, height, SUBSAMPLING_420);
			} catch (Throwable e) {
				throw new IllegalStateException("tjBufSize failed", e);
			}
		}

		private String lastError() {
			return errorOf(handle);
		}

		void close() {
			try {
				destroy(handle);
			} finally {
				cells.close();
				if (outputArena != null) {
					outputArena.close();
				}
			}
		}
	}
}
