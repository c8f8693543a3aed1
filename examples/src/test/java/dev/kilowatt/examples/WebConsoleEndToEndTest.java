package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kilowatt.examples.web.LiveTraffic;
import dev.kilowatt.examples.web.WebConsole;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.ChargePointErrorCode;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.ChargingProfile;
import eu.chargetime.ocpp.model.core.ChargingProfileKindType;
import eu.chargetime.ocpp.model.core.ChargingProfilePurposeType;
import eu.chargetime.ocpp.model.core.ChargingRateUnitType;
import eu.chargetime.ocpp.model.core.ChargingSchedule;
import eu.chargetime.ocpp.model.core.ChargingSchedulePeriod;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;
import eu.chargetime.ocpp.model.smartcharging.ChargingProfileStatus;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileConfirmation;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real browser: the simulator with its console page, the ChargeTime central system on
 * loopback, and headless Chromium clicking through a charging session. What the page shows is checked
 * against what the central system received.
 *
 * <p>It saves a screenshot taken during charging as {@code target/web-console.png}, and also at the path in
 * the system property {@code kilowatt.webConsoleScreenshot} when given (the README's picture is made so).
 */
class WebConsoleEndToEndTest extends EndToEndFixture {

  private static final String SCREENSHOT_PROPERTY = "kilowatt.webConsoleScreenshot";

  private WebConsole console;
  private HeadlessChromium browser;

  @AfterEach
  void closeConsole() {
    if (browser != null) {
      browser.close();
    }
    if (console != null) {
      console.close();
    }
  }

  @Test
  void aChargingSessionClickedThroughThePageShowsWhatTheCentralSystemReceived() {
    LiveTraffic traffic = bootWithTraffic();
    assertEquals(ChargingProfileStatus.Accepted, setDefaultProfile(period(0, 16), period(600, 10), period(1500, 6), period(2400, 13)));
    WebDriver page = openConsole(traffic, 1000);
    WebElement connector = page.findElement(By.cssSelector("[data-connector='1']"));

    click(connector, "plug");
    centralSystem.next(StatusNotificationRequest.class, s -> s.getConnectorId() == 1 && s.getStatus() == ChargePointStatus.Preparing);
    awaitText(page, connector, ".status", "Preparing");
    WebElement card = page.findElement(By.id("card"));
    card.clear();
    card.sendKeys(CARD);
    page.findElement(By.id("present-card")).click();
    click(connector, "ev-charge");

    StartTransactionRequest start = awaitStartedAndCharging();
    assertEquals(CARD, start.getIdTag());
    int transactionId = centralSystem.transactionIdOf(start);
    awaitText(page, connector, ".status", "Charging");
    awaitText(page, connector, ".transaction", "#" + transactionId);
    awaitText(page, connector, ".offered", "16.0 A");
    awaitText(page, connector, ".limit", "16.0 A");
    awaitText(page, connector, ".relay", "closed");
    awaitText(page, connector, ".pilot", "C");
    new WebDriverWait(page, TIMEOUT).withMessage("the EV to draw current on the page")
        .until(d -> !connector.findElement(By.className("drawn")).getText().equals("0.0 A"));
    new WebDriverWait(page, TIMEOUT).withMessage("the energy register to count on the page")
        .until(d -> Double.parseDouble(connector.findElement(By.className("energy")).getAttribute("data-wh")) >= 1);
    assertEquals("0", page.findElement(By.id("queue")).getText(), "nothing waits for the central system");
    String explanation = connector.findElement(By.className("explanation")).getText();
    assertTrue(explanation.startsWith("Offered 16.0 A: ")
        && explanation.contains("transaction default profile 1 on connector 1, stack level 0, period 0 from 0 s: 16.0 A"),
        "the charge point's own explanation names the TxDefaultProfile and the current it offers: " + explanation);
    assertEquals(4, connector.findElements(By.cssSelector("svg.chart path.composite")).size() == 1
        ? pathSteps(connector.findElement(By.cssSelector("svg.chart path.composite"))) : -1,
        "the chart draws the composite schedule's four periods");
    assertFalse(connector.findElements(By.cssSelector("svg.chart path.offered")).isEmpty(), "the chart draws the current offered");
    screenshot(page);

    new Select(page.findElement(By.id("filter-action"))).selectByValue("StartTransaction");
    List<WebElement> shown = page.findElements(By.cssSelector("#frames tr")).stream().filter(WebElement::isDisplayed).toList();
    assertEquals(2, shown.size(), "the StartTransaction call and its answer");
    assertTrue(shown.stream().anyMatch(r -> r.getAttribute("class").contains("received") && r.getText().contains("\"transactionId\":" + transactionId)),
        "the answer with the transaction id the central system gave");
    new Select(page.findElement(By.id("filter-action"))).selectByValue("");

    click(connector, "unplug");
    StopTransactionRequest stop = centralSystem.next(StopTransactionRequest.class);
    assertEquals(transactionId, stop.getTransactionId());
    awaitText(page, connector, ".transaction", "none");
    awaitText(page, connector, ".status", "Available");
    double pageWh = Double.parseDouble(connector.findElement(By.className("energy")).getAttribute("data-wh"));
    // meterStop is the charger's last meter reading before the unplug; the simulated meter goes on counting
    // until the EV stops drawing, so the page's register may be up to one poll (about 1 Wh at 16 A) higher.
    assertTrue(pageWh >= stop.getMeterStop() && pageWh < stop.getMeterStop() + 2,
        "the page's energy register " + pageWh + " Wh against StopTransaction's meterStop " + stop.getMeterStop() + " Wh");
    StatusNotificationRequest last = centralSystem.next(StatusNotificationRequest.class,
        s -> s.getConnectorId() == 1 && s.getStatus() == ChargePointStatus.Available);
    assertEquals(last.getStatus().name(), connector.findElement(By.className("status")).getText());
  }

  @Test
  void aBadLineTypedOnThePageIsExplainedAndTheStationGoesOn() {
    WebDriver page = openConsole(bootWithTraffic(), 900);

    page.findElement(By.id("line")).sendKeys("plug 7\n");
    awaitText(page, By.id("output"), "error: no connector '7'; connectors are 1..1");
    assertTrue(page.findElement(By.id("output")).getAttribute("class").contains("error"));

    page.findElement(By.id("line")).clear();
    page.findElement(By.id("line")).sendKeys("status\n");
    awaitText(page, By.id("output"), "> status\nconnector 1: Available");
  }

  @Test
  void aFaultAndAPowerCutFromThePageReachTheCentralSystem() {
    WebDriver page = openConsole(bootWithTraffic(), 900);
    WebElement connector = page.findElement(By.cssSelector("[data-connector='1']"));

    new Select(connector.findElement(By.className("fault-code"))).selectByVisibleText("HighTemperature");
    click(connector, "fault");
    StatusNotificationRequest faulted = centralSystem.next(StatusNotificationRequest.class,
        s -> s.getConnectorId() == 1 && s.getStatus() == ChargePointStatus.Faulted);
    assertEquals(ChargePointErrorCode.HighTemperature, faulted.getErrorCode());
    awaitText(page, connector, ".status", "Faulted");
    awaitText(page, connector, ".error-code", "HighTemperature");
    click(connector, "clear-fault");
    centralSystem.next(StatusNotificationRequest.class, s -> s.getConnectorId() == 1 && s.getStatus() == ChargePointStatus.Available);
    awaitText(page, connector, ".status", "Available");

    page.findElement(By.id("power-cut")).click();
    awaitOffline();
    awaitText(page, By.id("unavailable"), "The station does not answer: the charger has no power (power cut); restart it");
    page.findElement(By.id("restart")).click();
    centralSystem.next(BootNotificationRequest.class);
    awaitText(page, By.id("boots"), "2");
    awaitText(page, By.id("link"), "connected");
    assertFalse(page.findElement(By.id("unavailable")).isDisplayed());
  }

  private LiveTraffic bootWithTraffic() {
    LiveTraffic traffic = new LiveTraffic();
    boot(settings(), traffic);
    return traffic;
  }

  /** Serves the console of the booted charger and opens it in a browser window {@code height} pixels high, once it shows the link up. */
  private WebDriver openConsole(LiveTraffic traffic, int height) {
    console = WebConsole.start(0, new SimulatorStation(charger), traffic);
    browser = HeadlessChromium.open(1280, height);
    WebDriver page = browser.driver();
    page.get("http://127.0.0.1:" + console.port() + "/");
    awaitText(page, By.id("link"), "connected");
    return page;
  }

  private ChargingProfileStatus setDefaultProfile(ChargingSchedulePeriod... periods) {
    ChargingSchedule schedule = new ChargingSchedule(ChargingRateUnitType.A, periods);
    schedule.setStartSchedule(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(1));
    ChargingProfile profile = new ChargingProfile(1, 0, ChargingProfilePurposeType.TxDefaultProfile, ChargingProfileKindType.Absolute,
        schedule);
    SetChargingProfileConfirmation answer = centralSystem.call(new SetChargingProfileRequest(1, profile));
    return answer.getStatus();
  }

  private static ChargingSchedulePeriod period(int startPeriod, double limit) {
    return new ChargingSchedulePeriod(startPeriod, limit);
  }

  /** How many horizontal steps an SVG step line has ("M x y H x" then "L x y H x" for each step). */
  private static int pathSteps(WebElement path) {
    return path.getAttribute("d").split("H").length - 1;
  }

  private static void click(WebElement connector, String command) {
    connector.findElement(By.cssSelector("button[data-command='" + command + "']")).click();
  }

  private static void awaitText(WebDriver page, By element, String text) {
    new WebDriverWait(page, TIMEOUT).withMessage(() -> element + " to show '" + text + "'; it shows '"
            + page.findElement(element).getText() + "'")
        .until(d -> d.findElement(element).getText().equals(text));
  }

  private static void awaitText(WebDriver page, WebElement connector, String field, String text) {
    new WebDriverWait(page, TIMEOUT).withMessage(() -> "connector field " + field + " to show '" + text + "'; it shows '"
            + connector.findElement(By.cssSelector(field)).getText() + "'")
        .until(d -> connector.findElement(By.cssSelector(field)).getText().equals(text));
  }

  private static void screenshot(WebDriver page) {
    byte[] png = ((org.openqa.selenium.TakesScreenshot) page).getScreenshotAs(OutputType.BYTES);
    try {
      Files.write(Path.of("target", "web-console.png"), png);
      String extra = System.getProperty(SCREENSHOT_PROPERTY);
      if (extra != null && !extra.isBlank()) {
        Files.write(Path.of(extra), png);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the screenshot", e);
    }
  }
}
