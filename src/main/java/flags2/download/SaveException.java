package flags2.download;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The image could not be written to DEST (disk full, permissions): final for this code. */
final class SaveException extends IOException {
  SaveException(IOException cause) {
    super("Cannot save image: " + describe(cause), cause);
  }

  SaveException(String reason) {
    super("Cannot save image: " + reason);
  }

  /** The reason first and the file by name, so a long DEST cannot push the reason out. */
  private static String describe(IOException cause) {
    String reason =
        switch (cause) {
          case AccessDeniedException denied -> "Permission denied";
          case NoSuchFileException missing -> "No such file or directory";
          case FileSystemException fs -> fs.getReason();
          default -> null;
        };
    if (reason != null) { // the image's name, not the partial file's
      FileSystemException fs = (FileSystemException) cause;
      String file = fs.getOtherFile() != null ? fs.getOtherFile() : fs.getFile();
      return reason + (file == null ? "" : " (" + PartialFiles.imageName(Path.of(file)) + ")");
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
