package dev.kilowatt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {

  @Test
  void percentilesAreNearestRankSamples() {
    long[] samples = new long[100];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = 100 - i; // unsorted on purpose
    }
    assertEquals(50, Samples.percentile(samples, 50));
    assertEquals(99, Samples.percentile(samples, 99));
    assertEquals(100, Samples.max(samples));
    assertEquals(1, Samples.percentile(samples, 0.5));
  }

  @Test
  void aPercentileOfFewSamplesIsOneOfThem() {
    long[] samples = {7, 3, 5};
    assertEquals(5, Samples.percentile(samples, 50));
    assertEquals(7, Samples.percentile(samples, 99));
  }

  @Test
  void theMedianOfAnEvenCountIsTheLowerMiddleRound() {
    assertEquals(2.0, Samples.median(List.of(4.0, 1.0, 2.0, 3.0)));
    assertEquals(3.0, Samples.median(List.of(5.0, 3.0, 1.0)));
  }

  @Test
  void nothingToSummariseIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> Samples.percentile(new long[0], 50));
    assertThrows(IllegalArgumentException.class, () -> Samples.percentile(new long[] {1}, 0));
    assertThrows(IllegalArgumentException.class, () -> Samples.median(List.of()));
  }
}
