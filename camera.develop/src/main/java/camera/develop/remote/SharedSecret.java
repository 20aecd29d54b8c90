package camera.develop.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret a device and its nodes share, and the proofs made with it: HMAC-SHA256 over a call's parts. There
 * is no default secret: a node without one refuses every order. Thread-safe; never serialised, never logged.
 */
public final class SharedSecret {
	/** Fewest characters a secret may have. */
	public static final int MINIMUM_LENGTH = 16;
	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	private SharedSecret(byte[] secret) {
		this.key = new SecretKeySpec(secret, ALGORITHM);
	}

	/**
	 * @param text the secret, surrounding white space ignored
	 * @throws IllegalArgumentException when it is shorter than {@link #MINIMUM_LENGTH} characters
	 */
	public static SharedSecret of(String text) {
		String secret = text == null ? "" : text.strip();
		if (secret.length() < MINIMUM_LENGTH) {
			throw new IllegalArgumentException("a shared secret needs at least " + MINIMUM_LENGTH + " characters, "
					+ "this one has " + secret.length());
		}
		return new SharedSecret(secret.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @param file a file whose content (surrounding white space ignored) is the secret
	 * @throws IOException              when it cannot be read
	 * @throws IllegalArgumentException when its secret is too short
	 */
	public static SharedSecret read(Path file) throws IOException {
		return of(Files.readString(file, StandardCharsets.UTF_8));
	}

	/** @return the HMAC-SHA256 of the parts, each written with its length so that no two lists give one text */
	public byte[] prove(String... parts) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			for (String part : parts) {
				byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
				mac.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
				mac.update((byte) ':');
				mac.update(bytes);
			}
			return mac.doFinal();
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is not available in this Java", e);
		}
	}

	/** @return whether the proof was made with this secret over these parts (compared in constant time) */
	public boolean proves(byte[] proof, String... parts) {
		return proof != null && MessageDigest.isEqual(proof, prove(parts));
	}

	@Override
	public String toString() {
		return "SharedSecret[hidden]";
	}
}
