package dev.kilowatt.pi4j;

import org.junit.jupiter.api.AfterEach;

/** Base of the tests on a {@link TestRig}: a fresh rig and listener per test, the rig closed afterwards. */
abstract class RigTest {

  final TestRig rig = new TestRig();
  final RecordingListener events = new RecordingListener();

  @AfterEach
  final void closeRig() {
    rig.close();
  }
}
