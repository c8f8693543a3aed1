package dev.kilowatt.core.smartcharging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Equal shares by progressive filling: every claim rises at the same pace until it reaches its ceiling or a phase it
 * loads is full, and the rest keep rising. So what one EV cannot take goes to the others, and a three-phase
 * connector stops where its fullest phase stops it.
 */
final class EqualSharing implements SharingStrategy {

  private static final double EPSILON = 1e-9;

  @Override
  public List<Double> share(double availableA, List<Claim> claims) {
    int n = claims.size();
    double[] share = new double[n];
    boolean[] done = new boolean[n];
    double[] room = new double[MainsPhase.values().length];
    Arrays.fill(room, availableA);
    for (int i = 0; i < n; i++) {
      done[i] = claims.get(i).ceilingA() <= EPSILON;
    }
    while (true) {
      int[] rising = new int[room.length];
      boolean any = false;
      for (int i = 0; i < n; i++) {
        if (!done[i]) {
          any = true;
          claims.get(i).phases().forEach(phase -> rising[phase.ordinal()]++);
        }
      }
      if (!any) {
        break;
      }
      double step = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (!done[i]) {
          step = Math.min(step, claims.get(i).ceilingA() - share[i]);
        }
      }
      for (int p = 0; p < room.length; p++) {
        if (rising[p] > 0) {
          step = Math.min(step, room[p] / rising[p]);
        }
      }
      for (int p = 0; p < room.length; p++) {
        room[p] -= step * rising[p];
      }
      for (int i = 0; i < n; i++) {
        if (!done[i]) {
          share[i] += step;
          done[i] = claims.get(i).ceilingA() - share[i] <= EPSILON
              || claims.get(i).phases().stream().anyMatch(phase -> room[phase.ordinal()] <= EPSILON);
        }
      }
    }
    List<Double> shares = new ArrayList<>(n);
    for (double s : share) {
      shares.add(s);
    }
    return shares;
  }
}
