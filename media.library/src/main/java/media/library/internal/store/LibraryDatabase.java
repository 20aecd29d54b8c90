package media.library.internal.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import media.library.MediaLibraryException;

/**
 * The SQLite database of the library, in WAL mode with full sync. One connection writes, in immediate
 * transactions, and one reads, so that listings do not wait behind a writer's sync. Each connection is used by
 * one thread at a time.
 */
public final class LibraryDatabase implements AutoCloseable {
	private final Connection writer;
	private final Connection reader;
	private final ReentrantLock writerLock = new ReentrantLock();
	private final ReentrantLock readerLock = new ReentrantLock();

	/** Work done on a connection. */
	@FunctionalInterface
	public interface Work<T> {
		T on(Connection connection) throws SQLException;
	}

	private LibraryDatabase(Connection writer, Connection reader) {
		this.writer = writer;
		this.reader = reader;
	}

	/**
	 * Opens (creating if needed) the database and brings its schema up to date.
	 *
	 * @throws MediaLibraryException IO_ERROR, BUSY or STORAGE_FULL when that fails
	 */
	public static LibraryDatabase open(Path file, Duration busyTimeout) {
		// The driver is created directly: inside OSGi, DriverManager does not see drivers of other bundles.
		SQLiteConfig config = new SQLiteConfig();
		config.setJournalMode(SQLiteConfig.JournalMode.WAL);
		config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
		config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
		config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
		SQLiteDataSource source = new SQLiteDataSource(config);
		source.setUrl("jdbc:sqlite:" + file);
		Connection writer = null;
		try {
			writer = source.getConnection();
			SchemaMigrations.migrate(writer);
			Connection reader = source.getConnection();
			return new LibraryDatabase(writer, reader);
		} catch (SQLException e) {
			closeAfterFailure(writer, e);
			throw DatabaseFailures.of("opening the library database", e);
		} catch (RuntimeException e) {
			closeAfterFailure(writer, e);
			throw e;
		}
	}

	/** Runs read-only work. */
	public <T> T read(String doing, Work<T> work) {
		readerLock.lock();
		try {
			return work.on(reader);
		} catch (SQLException e) {
			throw DatabaseFailures.of(doing, e);
		} finally {
			readerLock.unlock();
		}
	}

	/** Runs work in one transaction: it commits when the work returns and rolls back when it throws. */
	public <T> T write(String doing, Work<T> work) {
		writerLock.lock();
		try {
			// Explicit statements rather than setAutoCommit: the driver would open the next transaction at once
			// after each commit, and a busy database could then fail a commit that already happened.
			execute(writer, "BEGIN IMMEDIATE");
			try {
				T result = work.on(writer);
				execute(writer, "COMMIT");
				return result;
			} catch (SQLException | RuntimeException e) {
				rollback(e);
				throw e;
			}
		} catch (SQLException e) {
			throw DatabaseFailures.of(doing, e);
		} finally {
			writerLock.unlock();
		}
	}

	/** Changes how long an operation waits for a database locked by another process. */
	public void setBusyTimeout(Duration timeout) {
		String pragma = "PRAGMA busy_timeout = " + Math.min(Integer.MAX_VALUE, timeout.toMillis());
		writerLock.lock();
		try {
			execute(writer, pragma);
		} catch (SQLException e) {
			throw DatabaseFailures.of("setting the busy timeout", e);
		} finally {
			writerLock.unlock();
		}
		read("setting the busy timeout", c -> execute(c, pragma));
	}

	private void checkpoint() throws SQLException {
		try (Statement statement = writer.createStatement();
				ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
			if (result.next() && result.getInt(1) != 0) {
				throw new SQLException("the write-ahead log could not be checkpointed: another connection holds it");
			}
		}
	}

	private static Void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		return null;
	}

	private void rollback(Exception cause) {
		try {
			execute(writer, "ROLLBACK");
		} catch (SQLException e) {
			cause.addSuppressed(e);
		}
	}

	private static void closeAfterFailure(Connection connection, Exception cause) {
		if (connection != null) {
			try {
				connection.close();
			} catch (SQLException e) {
				cause.addSuppressed(e);
			}
		}
	}

	/**
	 * Closes both connections after moving the whole write-ahead log into the database file, so that
	 * {@code library.db} alone holds the library: a copy or backup of it without its {@code -wal} loses nothing.
	 */
	@Override
	public void close() {
		writerLock.lock();
		readerLock.lock();
		SQLException failure = null;
		try {
			checkpoint();
		} catch (SQLException e) {
			failure = e;
		}
		for (Connection connection : new Connection[] { reader, writer }) {
			try {
				connection.close();
			} catch (SQLException e) {
				if (failure == null) {
					failure = e;
				} else {
					failure.addSuppressed(e);
				}
			}
		}
		readerLock.unlock();
		writerLock.unlock();
		if (failure != null) {
			throw DatabaseFailures.of("closing the library database", failure);
		}
	}
}
