package dev.kilowatt.core.authorization;

import dev.kilowatt.core.message.SendLocalListRequest;
import dev.kilowatt.core.message.UpdateStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The list's tests and benchmark on a storage that saves at once (the port's default save with an outcome), where an
 * update's answer comes before {@link LocalAuthList#update} returns. Free of JUnit, so the benchmark runs without it.
 */
final class AnsweredAtOnce {

  private AnsweredAtOnce() {}

  /** {@return the answer to {@code request}, which must come once and at once} */
  static UpdateStatus update(LocalAuthList list, SendLocalListRequest request) {
    List<UpdateStatus> answers = new ArrayList<>();
    list.update(request, answers::add);
    if (answers.size() != 1) {
      throw new AssertionError("answered " + answers + ", not once and at once");
    }
    return answers.get(0);
  }
}
