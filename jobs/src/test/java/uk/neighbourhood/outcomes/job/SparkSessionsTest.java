package uk.neighbourhood.outcomes.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which masters get our jar shipped to their executors. */
class SparkSessionsTest {
  @Test
  void onlyInProcessMastersCountAsLocal() {
    assertThat(SparkSessions.isLocal("local")).isTrue();
    assertThat(SparkSessions.isLocal("local[*]")).isTrue();
    assertThat(SparkSessions.isLocal("local[2]")).isTrue();
    assertThat(SparkSessions.isLocal("local[4,3]")).isTrue();
    // local-cluster starts executors in JVMs of their own, which need the jar like any cluster
    assertThat(SparkSessions.isLocal("local-cluster[2,1,1024]")).isFalse();
    assertThat(SparkSessions.isLocal("spark://127.0.0.1:7077")).isFalse();
    assertThat(SparkSessions.isLocal("yarn")).isFalse();
    assertThat(SparkSessions.isLocal("k8s://https://kubernetes.example:6443")).isFalse();
  }

  @Test
  void classesLoadedFromAFolderHaveNoJarToShip() throws URISyntaxException {
    // tests run from a classes folder; the jar case is exercised by bench/cluster/run-cluster-test.sh
    assertThat(Path.of(SparkSessions.class.getProtectionDomain().getCodeSource().getLocation().toURI())).isDirectory();
    assertThat(SparkSessions.ownJar()).isEmpty();
  }
}
