package dev.kilowatt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcStatusTest {

  @Test
  void readsResidentMemoryItsPeakAndTheThreadCount() {
    ProcStatus status = ProcStatus.parse("""
        Name:\tjava
        VmPeak:\t 4000000 kB
        VmHWM:\t  131072 kB
        VmRSS:\t  102400 kB
        Threads:\t24
        """);
    assertEquals(new ProcStatus(102400, 131072, 24), status);
    assertEquals(100.0, status.residentMib());
  }

  @Test
  void aMissingFieldIsAnErrorNotAZero() {
    assertThrows(IllegalArgumentException.class, () -> ProcStatus.parse("Name:\tjava\nThreads:\t3\n"));
  }

  @Test
  void readsALiveProcessAndNothingOfOneThatIsGone() throws Exception {
    ProcStatus self = ProcStatus.of(ProcessHandle.current().pid()).orElseThrow();
    assertTrue(self.residentKib() > 0 && self.peakResidentKib() >= self.residentKib() && self.threads() > 1, self.toString());

    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    assertTrue(ProcStatus.of(ended.pid()).isEmpty());
  }
}
