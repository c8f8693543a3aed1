package dev.kilowatt.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MessageVocabularyTest {

  @Test
  void everyActionNamesItsPayloadRecords() {
    for (Action action : Action.values()) {
      assertTrue(action.requestType().isRecord(), action + " request is a record");
      assertTrue(action.responseType().isRecord(), action + " response is a record");
      assertEquals(action.ocppName() + "Request", action.requestType().getSimpleName(), action.toString());
      assertEquals(action.ocppName() + "Response", action.responseType().getSimpleName(), action.toString());
      assertEquals(action.ocppName(), action.ocppValue());
    }
  }

  @Test
  void everyRequestImplementsTheInterfaceOfItsDirectionForItsResponse() {
    for (Action action : Action.values()) {
      Class<?> request = action.requestType();
      assertTrue(action.sentByChargePoint() || action.sentByCentralSystem(), action.toString());
      assertEquals(action.sentByChargePoint(), ChargePointRequest.class.isAssignableFrom(request), action.toString());
      assertEquals(action.sentByCentralSystem(), CentralSystemRequest.class.isAssignableFrom(request), action.toString());
      for (Type implemented : request.getGenericInterfaces()) {
        ParameterizedType direction = (ParameterizedType) implemented;
        assertEquals(action.responseType(), direction.getActualTypeArguments()[0], action + " via " + implemented);
      }
    }
    assertTrue(Action.DATA_TRANSFER.sentByChargePoint() && Action.DATA_TRANSFER.sentByCentralSystem());
    assertEquals(Action.Initiator.BOTH, Action.DATA_TRANSFER.initiator());
  }

  @Test
  void everyRequestRecordAnswersItsOwnAction() throws ReflectiveOperationException {
    for (Action action : Action.values()) {
      Request<?> request = instantiate(action.requestType());
      assertEquals(action, request.action(), action.requestType().getSimpleName());
      assertTrue(action.responseType().isInstance(instantiate(action.responseType())));
    }
  }

  @Test
  void sealedHierarchiesPermitExactlyTheActionsPayloads() {
    Set<Class<?>> fromChargePoint = new HashSet<>();
    Set<Class<?>> fromCentralSystem = new HashSet<>();
    Set<Class<?>> responses = new HashSet<>();
    for (Action action : Action.values()) {
      if (action.sentByChargePoint()) {
        fromChargePoint.add(action.requestType());
      }
      if (action.sentByCentralSystem()) {
        fromCentralSystem.add(action.requestType());
      }
      responses.add(action.responseType());
    }
    assertEquals(Set.of(ChargePointRequest.class, CentralSystemRequest.class), permitted(Request.class));
    assertEquals(fromChargePoint, permitted(ChargePointRequest.class));
    assertEquals(fromCentralSystem, permitted(CentralSystemRequest.class));
    assertEquals(responses, permitted(Response.class));
    assertEquals(Action.values().length, responses.size(), "one response record per action");
  }

  @Test
  void byOcppNameFindsEveryActionAndRejectsUnknownNames() {
    for (Action action : Action.values()) {
      assertEquals(Optional.of(action), Action.byOcppName(action.ocppName()));
      assertEquals(Optional.of(action), Action.fromOcpp(action.ocppName()));
    }
    assertEquals(Optional.empty(), Action.byOcppName("bogus"));
    assertEquals(Optional.empty(), Action.byOcppName("bootnotification"));
    assertEquals(Optional.empty(), Action.byOcppName(""));
    assertEquals(Optional.empty(), Action.byOcppName(null));
  }

  @Test
  void everyOcppEnumRoundTripsItsWireValues() throws ReflectiveOperationException {
    Set<Class<?>> enums = new LinkedHashSet<>(declaredOcppEnums());
    assertFalse(enums.isEmpty());
    for (Class<?> type : enums) {
      Method fromOcpp = type.getDeclaredMethod("fromOcpp", String.class);
      assertTrue(Modifier.isStatic(fromOcpp.getModifiers()), type + ".fromOcpp is static");
      assertTrue(Modifier.isPublic(fromOcpp.getModifiers()), type + ".fromOcpp is public");
      Set<String> seen = new HashSet<>();
      for (Object constant : type.getEnumConstants()) {
        String wire = ((OcppEnum) constant).ocppValue();
        assertTrue(seen.add(wire), type.getSimpleName() + " repeats " + wire);
        assertEquals(Optional.of(constant), fromOcpp.invoke(null, wire), type.getSimpleName() + "." + constant);
      }
      assertEquals(Optional.empty(), fromOcpp.invoke(null, "bogus"), type.getSimpleName());
      assertEquals(Optional.empty(), fromOcpp.invoke(null, (Object) null), type.getSimpleName());
    }
  }

  @Test
  void everyEnumInThePackageIsUsedByAMessage() {
    Set<Class<?>> used = new HashSet<>(reachableTypes());
    used.add(Action.class);
    for (Class<?> type : declaredOcppEnums()) {
      assertTrue(used.contains(type), type.getSimpleName() + " is referenced by no message");
    }
  }

  @Test
  void wireSpellingsFollowTheSchemas() {
    assertEquals("SuspendedEVSE", ChargePointStatus.SUSPENDED_EVSE.ocppValue());
    assertEquals("Energy.Active.Import.Register", Measurand.ENERGY_ACTIVE_IMPORT_REGISTER.ocppValue());
    assertEquals("L1-N", Phase.L1_N.ocppValue());
    assertEquals("Sample.Periodic", ReadingContext.SAMPLE_PERIODIC.ocppValue());
    assertEquals("EVDisconnected", Reason.EV_DISCONNECTED.ocppValue());
    assertEquals("ConcurrentTx", AuthorizationStatus.CONCURRENT_TX.ocppValue());
    assertEquals(Optional.of(UnitOfMeasure.CELCIUS), UnitOfMeasure.fromOcpp("Celcius"));
    assertEquals(Optional.of(UnitOfMeasure.CELSIUS), UnitOfMeasure.fromOcpp("Celsius"));
    assertEquals(Optional.of(ExtendedMessageTrigger.SIGN_CHARGE_POINT_CERTIFICATE),
        ExtendedMessageTrigger.fromOcpp("SignChargePointCertificate"));
    assertEquals(Optional.empty(), AuthorizationStatus.fromOcpp("accepted"), "wire values are case-sensitive");
  }

  @Test
  void componentsUseOnlyTheAgreedFieldTypes() {
    for (Class<?> type : reachableTypes()) {
      if (!type.isRecord()) {
        continue;
      }
      for (RecordComponent component : type.getRecordComponents()) {
        Type generic = component.getGenericType();
        String where = type.getSimpleName() + "." + component.getName();
        if (generic instanceof ParameterizedType parameterized) {
          Type raw = parameterized.getRawType();
          assertTrue(raw == Optional.class || raw == List.class, where);
          Type element = parameterized.getActualTypeArguments()[0];
          assertTrue(element == Integer.class || element == Double.class || isScalar(element), where);
        } else {
          assertTrue(isScalar(generic) || generic == int.class || generic == double.class || generic == boolean.class,
              where);
        }
      }
    }
  }

  @Test
  void nullListsBecomeEmptyAndListsAreCopied() {
    assertEquals(List.of(), new MeterValue(Instant.EPOCH, null).sampledValue());
    GetConfigurationResponse configuration = new GetConfigurationResponse(null, null);
    assertEquals(List.of(), configuration.configurationKey());
    assertEquals(List.of(), configuration.unknownKey());

    List<String> keys = new ArrayList<>(List.of("HeartbeatInterval"));
    GetConfigurationRequest request = new GetConfigurationRequest(keys);
    keys.add("MeterValueSampleInterval");
    assertEquals(List.of("HeartbeatInterval"), request.key());
    assertThrows(UnsupportedOperationException.class, () -> request.key().add("x"));
  }

  @Test
  void nullOptionalsBecomeEmpty() {
    IdTagInfo info = new IdTagInfo(AuthorizationStatus.ACCEPTED, null, null);
    assertEquals(Optional.empty(), info.expiryDate());
    assertEquals(Optional.empty(), info.parentIdTag());
    StopTransactionRequest stop = new StopTransactionRequest(null, 1200, Instant.EPOCH, 7, null, null);
    assertEquals(Optional.empty(), stop.idTag());
    assertEquals(Optional.empty(), stop.reason());
    assertEquals(List.of(), stop.transactionData());
  }

  @Test
  void missingRequiredComponentsAreRejectedByName() {
    assertEquals("idTag", assertThrows(NullPointerException.class, () -> new AuthorizeRequest(null)).getMessage());
    assertEquals("timestamp",
        assertThrows(NullPointerException.class, () -> new StartTransactionRequest(1, "TAG", 0, null, null))
            .getMessage());
    assertEquals("status",
        assertThrows(NullPointerException.class, () -> new IdTagInfo(null, null, null)).getMessage());
    assertEquals("chargingRateUnit",
        assertThrows(NullPointerException.class, () -> new ChargingSchedule(null, null, null, List.of(), null))
            .getMessage());
  }

  private static Set<Class<?>> permitted(Class<?> sealed) {
    assertTrue(sealed.isSealed(), sealed + " is sealed");
    return Set.of(sealed.getPermittedSubclasses());
  }

  private static boolean isScalar(Type type) {
    if (type == String.class || type == Instant.class) {
      return true;
    }
    return type instanceof Class<?> c
        && c.getPackage() == OcppEnum.class.getPackage()
        && (c.isRecord() || (c.isEnum() && OcppEnum.class.isAssignableFrom(c)));
  }

  /** Every record and enum reachable from the actions' payloads through record components. */
  private static Set<Class<?>> reachableTypes() {
    Set<Class<?>> seen = new LinkedHashSet<>();
    List<Class<?>> pending = new ArrayList<>();
    for (Action action : Action.values()) {
      pending.add(action.requestType());
      pending.add(action.responseType());
    }
    while (!pending.isEmpty()) {
      Class<?> type = pending.remove(pending.size() - 1);
      if (type.getPackage() != OcppEnum.class.getPackage() || !seen.add(type) || !type.isRecord()) {
        continue;
      }
      for (RecordComponent component : type.getRecordComponents()) {
        Type generic = component.getGenericType();
        if (generic instanceof ParameterizedType parameterized
            && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
          pending.add(element);
        } else if (generic instanceof Class<?> plain) {
          pending.add(plain);
        }
      }
    }
    return seen;
  }

  /** The OcppEnum types compiled into the package, or those reachable from messages when not on a directory. */
  private static Set<Class<?>> declaredOcppEnums() {
    Set<Class<?>> candidates = new LinkedHashSet<>(reachableTypes());
    candidates.add(Action.class);
    URL here = OcppEnum.class.getResource("OcppEnum.class");
    if (here != null && "file".equals(here.getProtocol())) {
      try {
        File[] files = new File(here.toURI()).getParentFile().listFiles((dir, name) -> name.endsWith(".class"));
        for (File file : files == null ? new File[0] : files) {
          String name = file.getName().substring(0, file.getName().length() - ".class".length());
          candidates.add(Class.forName(OcppEnum.class.getPackageName() + "." + name));
        }
      } catch (URISyntaxException | ClassNotFoundException e) {
        fail("cannot list the message package", e);
      }
    }
    return candidates.stream()
        .filter(c -> c.isEnum() && OcppEnum.class.isAssignableFrom(c))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Builds a record from sample values for every component, going through its canonical constructor. */
  private static <T> T instantiate(Class<T> type) throws ReflectiveOperationException {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    Object[] arguments = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      arguments[i] = sample(components[i].getGenericType());
    }
    return type.getDeclaredConstructor(parameterTypes).newInstance(arguments);
  }

  private static Object sample(Type type) throws ReflectiveOperationException {
    if (type instanceof ParameterizedType parameterized) {
      Object element = sample(parameterized.getActualTypeArguments()[0]);
      return parameterized.getRawType() == Optional.class ? Optional.of(element) : List.of(element);
    }
    if (type == String.class) {
      return "x";
    }
    if (type == int.class || type == Integer.class) {
      return 1;
    }
    if (type == double.class || type == Double.class) {
      return 1.5;
    }
    if (type == boolean.class) {
      return true;
    }
    if (type == Instant.class) {
      return Instant.EPOCH;
    }
    if (type instanceof Class<?> c && c.isEnum()) {
      return c.getEnumConstants()[0];
    }
    if (type instanceof Class<?> c && c.isRecord()) {
      return instantiate(c);
    }
    throw new AssertionError("no sample for " + type);
  }
}
