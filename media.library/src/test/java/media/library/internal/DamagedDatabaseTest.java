package media.library.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import media.library.AssetQuery;
import media.library.MediaAssetChangeRequest;
import media.library.MediaQuality;
import media.library.PhotoAsset;
import media.library.ResourceType;

/** The photo files are the truth when the database lost what it knew: start-up never deletes a photo. */
class DamagedDatabaseTest {
	@TempDir
	Path data;
	LibraryFixture fixture;

	@BeforeEach
	void open() {
		fixture = new LibraryFixture(data);
	}

	@AfterEach
	void close() {
		fixture.close();
	}

	private Path database() {
		return data.resolve("media/library.db");
	}

	private PhotoAsset fullAsset(String name) {
		return fixture.library.applyChanges(new MediaAssetChangeRequest(fixture.library.createAsset(name))
			.addResource(ResourceType.IMAGE_RESOURCE, TestImages.full()));
	}

	private void removeWriteAheadLog() throws Exception {
		Files.deleteIfExists(data.resolve("media/library.db-wal"));
		Files.deleteIfExists(data.resolve("media/library.db-shm"));
	}

	private List<PhotoAsset> listed() {
		return fixture.library.getAssets(AssetQuery.all());
	}

	@Nested
	class EmptiedOrRestoredDatabase {
		@Test
		void anEmptiedDatabaseListsEveryPhotoAgainUnderItsOwnUri() throws Exception {
			PhotoAsset first = fullAsset("first.jpg");
			PhotoAsset camera = fixture.savedCameraAsset("job-1");
			byte[] cameraFile = fixture.fileOf(camera);
			fixture.close();
			Files.write(database(), new byte[0]);
			removeWriteAheadLog();

			fixture.open();

			assertThat(listed()).extracting(PhotoAsset::uri).containsExactlyInAnyOrder(first.uri(), camera.uri());
			assertThat(fixture.library.getAsset(camera.uri()).orElseThrow().quality()).isEqualTo(MediaQuality.FULL);
			assertThat(fixture.fileOf(camera)).isEqualTo(cameraFile);
			assertThat(fixture.log.problems()).anyMatch(line -> line.contains("did not list"));
		}

		@Test
		void aNewAssetAfterAnEmptiedDatabaseNeverTakesTheFolderOfAnOldPhoto() throws Exception {
			PhotoAsset old = fullAsset("old.jpg");
			byte[] oldFile = fixture.fileOf(old);
			fixture.close();
			Files.write(database(), new byte[0]);
			removeWriteAheadLog();
			fixture.open();

			PhotoAsset fresh = fullAsset("fresh.jpg");

			assertThat(fresh.id()).isGreaterThan(old.id());
			assertThat(fixture.fileOf(old)).isEqualTo(oldFile);
		}

		@Test
		void aDatabaseRestoredWithoutItsLogListsThePhotosTakenSince() throws Exception {
			PhotoAsset before = fullAsset("before.jpg");
			fixture.close();
			Path backup = data.resolve("library-backup.db");
			Files.copy(database(), backup);
			fixture.open();
			PhotoAsset after = fullAsset("after.jpg");
			fixture.close();
			Files.copy(backup, database(), StandardCopyOption.REPLACE_EXISTING);
			removeWriteAheadLog();

			fixture.open();

			assertThat(listed()).extracting(PhotoAsset::uri).containsExactlyInAnyOrder(before.uri(), after.uri());
			assertThat(fullAsset("next.jpg").id()).isGreaterThan(after.id());
		}

		@Test
		void aListedAgainPhotoKeepsTheSizeOfItsImage() throws Exception {
			PhotoAsset photo = fullAsset("sized.jpg");
			fixture.close();
			Files.write(database(), new byte[0]);
			removeWriteAheadLog();

			fixture.open();

			PhotoAsset again = fixture.library.getAsset(photo.uri()).orElseThrow();
			assertThat(again.width()).isEqualTo(photo.width());
			assertThat(again.height()).isEqualTo(photo.height());
			assertThat(again.size()).isEqualTo(photo.size());
		}

		@Test
		void whatIsNotOnePhotoIsMovedToLostAndFoundWithItsContent() throws Exception {
			fixture.close();
			Path notes = Files.createDirectories(data.resolve("media/Photo/77")).resolve("notes.txt");
			Files.writeString(notes, "not a photo");
			Files.createDirectories(data.resolve("media/Photo/78"));
			Files.writeString(data.resolve("media/Photo/stray.txt"), "stray");

			fixture.open();

			assertThat(listed()).isEmpty();
			Path lostAndFound = data.resolve("media/lost+found");
			assertThat(lostAndFound.resolve("77/notes.txt")).hasContent("not a photo");
			assertThat(lostAndFound.resolve("78")).isDirectory();
			assertThat(lostAndFound.resolve("stray.txt")).hasContent("stray");
			assertThat(data.resolve("media/Photo")).isEmptyDirectory();
		}

		@Test
		void aSecondEntryOfTheSameNameInLostAndFoundKeepsTheFirst() throws Exception {
			fixture.close();
			Files.createDirectories(data.resolve("media/lost+found"));
			Files.writeString(data.resolve("media/lost+found/stray.txt"), "first");
			Files.writeString(data.resolve("media/Photo/stray.txt"), "second");

			fixture.open();

			assertThat(data.resolve("media/lost+found/stray.txt")).hasContent("first");
			assertThat(data.resolve("media/lost+found/stray.txt-1")).hasContent("second");
		}
	}

	@Nested
	class Deletions {
		@Test
		void aPhotoWhoseDeletionCommittedBeforeACrashNeverComesBack() throws Exception {
			PhotoAsset kept = fullAsset("kept.jpg");
			PhotoAsset deleted = fullAsset("deleted.jpg");
			fixture.close();
			// The state a crash leaves between the row's deletion and the folder's: the folder is set aside.
			Files.move(data.resolve("media/Photo/" + deleted.id()), data.resolve("media/Photo/.deleted-" + deleted.id()));
			try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database());
					Statement statement = db.createStatement()) {
				statement.executeUpdate("DELETE FROM asset WHERE id = " + deleted.id());
			}

			fixture.open();

			assertThat(listed()).extracting(PhotoAsset::uri).containsExactly(kept.uri());
			assertThat(data.resolve("media/Photo/.deleted-" + deleted.id())).doesNotExist();
			assertThat(data.resolve("media/lost+found")).doesNotExist();
		}

		@Test
		void aDeletionThatNeverCommittedPutsTheFolderBack() throws Exception {
			PhotoAsset photo = fullAsset("photo.jpg");
			byte[] file = fixture.fileOf(photo);
			fixture.close();
			Files.move(data.resolve("media/Photo/" + photo.id()), data.resolve("media/Photo/.deleted-" + photo.id()));

			fixture.open();

			assertThat(listed()).extracting(PhotoAsset::uri).containsExactly(photo.uri());
			assertThat(fixture.fileOf(photo)).isEqualTo(file);
		}

		@Test
		void aDeletedPhotoLeavesNoFolderBehind() throws Exception {
			PhotoAsset photo = fullAsset("photo.jpg");

			fixture.library.deletePermanently(List.of(photo));

			try (var entries = Files.list(data.resolve("media/Photo"))) {
				assertThat(entries).isEmpty();
			}
		}
	}

	@Nested
	class RowsWithoutFiles {
		@Test
		void aPhotoWhoseFileIsGoneIsNoLongerListedAndIsReported() throws Exception {
			PhotoAsset kept = fullAsset("kept.jpg");
			PhotoAsset gone = fullAsset("gone.jpg");
			fixture.close();
			Files.delete(data.resolve("media/Photo/" + gone.id()).resolve(gone.displayName()));

			fixture.open();

			assertThat(listed()).extracting(PhotoAsset::uri).containsExactly(kept.uri());
			assertThat(fixture.log.problems()).anyMatch(line -> line.contains("image file was gone"));
		}

		@Test
		void aFastPhotoAwaitingItsFullImageStaysListedWhenItsFileIsGone() throws Exception {
			fullAsset("kept.jpg");
			PhotoAsset fast = fixture.savedCameraAsset("job-2");
			fixture.close();
			Files.delete(data.resolve("media/Photo/" + fast.id()).resolve(fast.displayName()));

			fixture.open();

			assertThat(fixture.library.getAsset(fast.uri())).map(PhotoAsset::deferredJobId).contains("job-2");
		}

		@Test
		void aMissingPhotoFolderKeepsEveryRowAndIsReported() throws Exception {
			PhotoAsset one = fullAsset("one.jpg");
			PhotoAsset two = fullAsset("two.jpg");
			fixture.close();
			Files.move(data.resolve("media/Photo"), data.resolve("elsewhere"));

			fixture.open();

			assertThat(listed()).extracting(PhotoAsset::uri).containsExactlyInAnyOrder(one.uri(), two.uri());
			assertThat(fixture.log.problems()).anyMatch(line -> line.contains("rows are kept"));
		}
	}

	@Nested
	class Closing {
		@Test
		void closingLeavesADatabaseFileThatHoldsTheWholeLibraryAlone() throws Exception {
			fullAsset("one.jpg");
			fullAsset("two.jpg");
			fixture.savedCameraAsset("job-3");
			Path copy = data.resolve("copy.db");
			// Another connection open at the stop (a backup tool, say) keeps SQLite from checkpointing by itself.
			try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + database());
					Statement reading = other.createStatement()) {
				reading.executeQuery("SELECT count(*) FROM asset").close();
				fixture.close();
				Files.copy(database(), copy);
			}

			try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + copy);
					Statement statement = db.createStatement();
					ResultSet count = statement.executeQuery("SELECT count(*) FROM asset")) {
				assertThat(count.next()).isTrue();
				assertThat(count.getInt(1)).isEqualTo(3);
			}
			fixture.open();
		}
	}
}
