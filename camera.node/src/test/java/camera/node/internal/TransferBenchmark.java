package camera.node.internal;

import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.aries.rsa.provider.tcp.TCPServer;
import org.apache.aries.rsa.provider.tcp.TcpInvocationHandler;
import org.osgi.service.log.Logger;

import camera.api.hal.BayerPattern;
import camera.api.hal.FrameMetadata;
import camera.api.hal.PixelFormat;
import camera.api.hal.RawFrame;
import camera.develop.ExifData;
import camera.develop.JpegCodec;
import camera.develop.PhotoDeveloper;
import camera.develop.RgbImage;
import camera.develop.remote.DevelopedPhoto;
import camera.develop.remote.DevelopmentOrder;
import camera.develop.remote.FramePacket;
import camera.develop.remote.RemoteDeveloper;
import camera.develop.remote.SharedSecret;

/**
 * What a remote development costs beyond the development itself, on loopback: a node whose development and JPEG
 * take no time (a prepared image and JPEG), called through Aries RSA's own TCP transport (its server and its
 * invocation handler, outside OSGi) and, for comparison, in the same process. Prints key=value lines, medians.
 * Not a test: run it by hand (BENCHMARKS.md says how).
 * <p>
 * {@code java -cp <camera.node test classpath> camera.node.internal.TransferBenchmark [WIDTH HEIGHT FRAMES RUNS]}
 */
public final class TransferBenchmark {
	private TransferBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int width = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
		int height = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
		int frames = args.length > 2 ? Integer.parseInt(args[2]) : 4;
		int runs = args.length > 3 ? Integer.parseInt(args[3]) : 10;
		SharedSecret secret = SharedSecret.of("a secret for the benchmark only");
		Random random = new Random(21);
		List<RawFrame> burst = new ArrayList<>();
		for (int i = 0; i < frames; i++) {
			byte[] pixels = new byte[width * height * 2];
			random.nextBytes(pixels);
			burst.add(new RawFrame(PixelFormat.RAW_BAYER16, width, height, width * 2, ByteBuffer.wrap(pixels),
					new FrameMetadata(i, 10_000_000, 400, 64, 4095, BayerPattern.RGGB)));
		}
		byte[] jpeg = new byte[3_150_000];
		random.nextBytes(jpeg);
		RgbImage image = new RgbImage(16, 12, new byte[16 * 12 * 3]);
		PhotoDeveloper developer = new PhotoDeveloper() {
			@Override
			public RgbImage developFast(RawFrame frame) {
				return image;
			}

			@Override
			public RgbImage developFull(List<RawFrame> frames) {
				return image;
			}

			@Override
			public RgbImage renderReference(RawFrame linearReference) {
				return image;
			}
		};
		JpegCodec codec = new JpegCodec() {
			@Override
			public String name() {
				return "prepared";
			}

			@Override
			public byte[] encode(RgbImage developed, int quality, ExifData exif) {
				return jpeg;
			}
		};
		Logger quiet = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] { Logger.class },
				(proxy, method, arguments) -> method.getReturnType() == boolean.class ? false : null);
		NodeService node = new NodeService("bench", 1, secret, developer, codec, new NodeStatistics(), quiet);
		ExifData exif = new ExifData(Instant.EPOCH, 1, "Darkroom", "Sim", 10_000_000, 400, null);

		int port;
		try (ServerSocket probe = new ServerSocket(0)) {
			port = probe.getLocalPort();
		}
		try (TCPServer server = new TCPServer(node, "127.0.0.1", port, 2)) {
			RemoteDeveloper remote = (RemoteDeveloper) Proxy.newProxyInstance(TransferBenchmark.class.getClassLoader(),
					new Class<?>[] { RemoteDeveloper.class },
					new TcpInvocationHandler(TransferBenchmark.class.getClassLoader(), "127.0.0.1", port, 300_000));
			double[] order = new double[runs];
			double[] local = new double[runs];
			double[] call = new double[runs];
			double[] check = new double[runs];
			for (int run = -2; run < runs; run++) {
				long start = System.nanoTime();
				DevelopmentOrder request = DevelopmentOrder.signed("job-" + run, run,
						burst.stream().map(FramePacket::of).toList(), 95, exif, secret);
				long built = System.nanoTime();
				DevelopedPhoto inProcess = node.develop(request);
				long developedHere = System.nanoTime();
				DevelopedPhoto photo = remote.develop(request);
				long answered = System.nanoTime();
				boolean good = photo.answers(request, secret) && inProcess.answers(request, secret);
				long checked = System.nanoTime();
				if (!good) {
					throw new IllegalStateException("an answer did not answer its order");
				}
				if (run >= 0) {
					order[run] = (built - start) / 1e6;
					local[run] = (developedHere - built) / 1e6;
					call[run] = (answered - developedHere) / 1e6;
					check[run] = (checked - answered) / 1e6;
				}
			}
			long bytes = (long) frames * width * height * 2;
			System.out.printf("transfer.size=%dx%d frames=%d bytes_out=%d bytes_back=%d%n", width, height, frames,
					bytes, jpeg.length);
			System.out.printf("transfer.cores=%d%n", Runtime.getRuntime().availableProcessors());
			System.out.printf("transfer.order_ms=%.1f   (copy frames out of their buffers, CRC-32C, HMAC)%n",
					median(order));
			System.out.printf("transfer.in_process_ms=%.1f   (the node's checks and proof, no wire)%n", median(local));
			System.out.printf("transfer.aries_tcp_call_ms=%.1f   (the same call through Aries RSA TCP on loopback)%n",
					median(call));
			System.out.printf("transfer.answer_check_ms=%.1f%n", median(check));
			System.out.printf("transfer.overhead_per_job_ms=%.1f   (order + call + check)%n",
					median(order) + median(call) + median(check));
			System.out.printf("transfer.wire_mb_per_s=%.0f%n", (bytes + jpeg.length) / 1e6 / ((median(call)
					- median(local)) / 1e3));
		}
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}
}
