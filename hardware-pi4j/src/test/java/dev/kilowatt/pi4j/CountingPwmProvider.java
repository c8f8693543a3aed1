package dev.kilowatt.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.exception.IOException;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmConfig;
import com.pi4j.io.pwm.PwmProviderBase;
import com.pi4j.plugin.mock.provider.pwm.MockPwm;

/** Pi4J's mock PWM, counting how often the output is switched, since each switch glitches a real pilot. */
final class CountingPwmProvider extends PwmProviderBase {

  static final String ID = "counting-pwm";

  private int switches;
  private boolean failing;

  CountingPwmProvider() {
    super(ID, "Counting mock PWM");
  }

  /** Makes every switch fail, as a PWM whose sysfs files went away would. */
  void failing(boolean failing) {
    this.failing = failing;
  }

  /** How many times on() or off() was called after the PWM was created. */
  int switches() {
    return switches;
  }

  @Override
  public Pwm create(PwmConfig config) {
    Pwm pwm = new MockPwm(this, config) {
      private boolean initialized;

      @Override
      public Pwm initialize(Context context) {
        Pwm result = super.initialize(context);
        initialized = true;
        return result;
      }

      @Override
      public Pwm on() {
        count();
        return super.on();
      }

      @Override
      public Pwm off() {
        count();
        return super.off();
      }

      private void count() {
        if (failing) {
          throw new IOException("PWM gone");
        }
        if (initialized) {
          switches++;
        }
      }
    };
    context.registry().add(pwm);
    return pwm;
  }
}
