package dev.kilowatt.transfer;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Small pieces the transports share. */
final class Transfers {

  private Transfers() {}

  /** An I/O failure as a short reason for the log. */
  static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
  }

  /** {@code uri} without the password of its user part, for the log. */
  static String masked(URI uri) {
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null || !userInfo.contains(":")) {
      return uri.toString();
    }
    return uri.toString().replace(userInfo + "@", userInfo.substring(0, userInfo.indexOf(':')) + ":***@");
  }

  /** The user and password of the URI's user part (decoded), if any. */
  record Credentials(String user, String password) {
    static Optional<Credentials> of(URI uri) {
      String userInfo = uri.getUserInfo();
      if (userInfo == null) {
        return Optional.empty();
      }
      int colon = userInfo.indexOf(':');
      return Optional.of(colon < 0 ? new Credentials(userInfo, "") :
          new Credentials(userInfo.substring(0, colon), userInfo.substring(colon + 1)));
    }
  }

  /** Makes a rename in {@code directory} survive a power cut, where the file system allows it. */
  static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // not every platform can open a directory; the rename stands, only its durability is weaker
    }
  }
}
