package camera.api;

/** A registered listener; closing it unregisters the listener. Closing twice does nothing. */
@FunctionalInterface
public interface Registration extends AutoCloseable {
	@Override
	void close();
}
