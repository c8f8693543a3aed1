package dev.kilowatt.transfer;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * Apache FtpServer on 127.0.0.1, serving {@code root}: user {@code kw} (password {@code secret}) may write,
 * {@code anonymous} may only read.
 */
final class TestFtpServer implements AutoCloseable {

  final Path root;
  private final FtpServer server;
  private final int port;

  TestFtpServer(Path root) throws Exception {
    this.root = Files.createDirectories(root);
    ListenerFactory listener = new ListenerFactory();
    listener.setServerAddress("127.0.0.1");
    listener.setPort(0);
    PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
    users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
    UserManager userManager = users.createUserManager();
    userManager.save(user("kw", "secret", true));
    userManager.save(user("anonymous", "", false));
    FtpServerFactory factory = new FtpServerFactory();
    factory.addListener("default", listener.createListener());
    factory.setUserManager(userManager);
    server = factory.createServer();
    server.start();
    port = ((DefaultFtpServer) server).getListener("default").getPort();
  }

  private BaseUser user(String name, String password, boolean writable) {
    BaseUser user = new BaseUser();
    user.setName(name);
    user.setPassword(password);
    user.setHomeDirectory(root.toString());
    if (writable) {
      user.setAuthorities(List.of(new WritePermission()));
    }
    return user;
  }

  /** {@code ftp://<userInfo>@127.0.0.1:<port><path>}, or without a user part when {@code userInfo} is empty. */
  URI uri(String userInfo, String path) {
    return URI.create("ftp://" + (userInfo.isEmpty() ? "" : userInfo + "@") + "127.0.0.1:" + port + path);
  }

  @Override
  public void close() {
    server.stop();
  }
}
