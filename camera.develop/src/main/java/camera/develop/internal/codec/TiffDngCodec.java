package camera.develop.internal.codec;

import org.osgi.service.component.annotations.Component;

import camera.api.hal.RawFrame;
import camera.develop.DngCodec;
import camera.develop.ExifData;

/** The platform's DNG writer, as a service. */
@Component(service = DngCodec.class)
public final class TiffDngCodec implements DngCodec {

	@Override
	public byte[] encode(RawFrame frame, ExifData exif) {
		return DngFile.write(frame, exif);
	}
}
