package uk.neighbourhood.outcomes.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
  final FileSystem fs;

  RunLockTest() throws Exception {
    fs = FileSystem.getLocal(new Configuration());
  }

  @Test
  void aSecondRunIsRefusedWithWhoHoldsTheLock(@TempDir Path out) {
    try (RunLock first = RunLock.acquire(fs, new org.apache.hadoop.fs.Path(out.toString()), "run-one")) {
      assertThatThrownBy(() -> RunLock.acquire(fs, new org.apache.hadoop.fs.Path(out.toString()), "run-two"))
          .isInstanceOf(RunLock.HeldException.class)
          .hasMessageContaining("run-one").hasMessageContaining("Wait for it to finish");
    }
    try (RunLock again = RunLock.acquire(fs, new org.apache.hadoop.fs.Path(out.toString()), "run-three")) {
      assertThat(out.resolve(".lock")).exists();
    }
    assertThat(out.resolve(".lock")).doesNotExist();
  }

  @Test
  void aLockLeftByADeadProcessIsTakenOver(@TempDir Path out) throws Exception {
    long deadPid = new ProcessBuilder("true").start().pid();
    Thread.sleep(200);
    Files.writeString(out.resolve(".lock"), "run_id=crashed\nhost=" + java.net.InetAddress.getLocalHost().getHostName()
        + "\npid=" + deadPid + "\nstarted=" + Instant.now() + "\n");
    try (RunLock lock = RunLock.acquire(fs, new org.apache.hadoop.fs.Path(out.toString()), "fresh")) {
      assertThat(Files.readString(out.resolve(".lock"))).contains("run_id=fresh");
    }
  }

  @Test
  void aLockOlderThanTheStaleAgeIsTakenOverEvenFromAnotherHost(@TempDir Path out) throws Exception {
    Files.writeString(out.resolve(".lock"), "run_id=ancient\nhost=elsewhere\npid=1\nstarted="
        + Instant.now().minus(RunLock.STALE_AFTER).minus(1, ChronoUnit.HOURS) + "\n");
    try (RunLock lock = RunLock.acquire(fs, new org.apache.hadoop.fs.Path(out.toString()), "fresh")) {
      assertThat(Files.readString(out.resolve(".lock"))).contains("run_id=fresh");
    }
  }

  @Test
  void aLiveLockOnAnotherHostIsRespected(@TempDir Path out) throws Exception {
    Files.writeString(out.resolve(".lock"), "run_id=remote\nhost=elsewhere\npid=1\nstarted=" + Instant.now() + "\n");
    assertThatThrownBy(() -> RunLock.acquire(fs, new org.apache.hadoop.fs.Path(out.toString()), "fresh"))
        .isInstanceOf(RunLock.HeldException.class).hasMessageContaining("remote");
  }
}
