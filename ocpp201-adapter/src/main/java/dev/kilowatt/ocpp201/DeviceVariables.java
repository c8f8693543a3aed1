package dev.kilowatt.ocpp201;

import dev.kilowatt.core.message.CentralSystemRequest;
import dev.kilowatt.core.message.CertificateUse;
import dev.kilowatt.core.message.ChangeConfigurationRequest;
import dev.kilowatt.core.message.ChangeConfigurationResponse;
import dev.kilowatt.core.message.GetConfigurationRequest;
import dev.kilowatt.core.message.GetConfigurationResponse;
import dev.kilowatt.core.message.GetInstalledCertificateIdsRequest;
import dev.kilowatt.core.message.GetInstalledCertificateIdsResponse;
import dev.kilowatt.core.message.Response;
import dev.kilowatt.core.port.Scheduler;
import dev.kilowatt.ocpp201.CsmsCalls.Exchange;
import dev.kilowatt.ocpp201.Enums.Attribute;
import dev.kilowatt.ocpp201.Enums.GetVariableStatus;
import dev.kilowatt.ocpp201.Enums.SetVariableStatus;
import dev.kilowatt.ocpp201.Messages.GetVariablesRequest;
import dev.kilowatt.ocpp201.Messages.GetVariablesResponse;
import dev.kilowatt.ocpp201.Messages.SetVariablesRequest;
import dev.kilowatt.ocpp201.Messages.SetVariablesResponse;
import dev.kilowatt.ocpp201.OwnVariables.Fact;
import dev.kilowatt.ocpp201.OwnVariables.Own;
import dev.kilowatt.ocpp201.OwnVariables.Source;
import dev.kilowatt.ocpp201.ReportMessages.ReportData;
import dev.kilowatt.ocpp201.Types.GetVariableData;
import dev.kilowatt.ocpp201.Types.GetVariableResult;
import dev.kilowatt.ocpp201.Types.SetVariableData;
import dev.kilowatt.ocpp201.Types.SetVariableResult;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * GetVariables and SetVariables over the whole device model: the variables that are the core's 1.6 keys
 * ({@link Variables}, read with one GetConfiguration of all keys and written with ChangeConfiguration) and the
 * adapter's own ({@link OwnVariables}: kept in {@link StoredVariables}, fixed, or facts of the station; and
 * TxCtrlr's TxStartPoint and TxStopPoint, which {@link TxPoints} keeps and checks against the core's points). A
 * SetVariables of an own variable is Accepted once the value is stored, Rejected for a ReadOnly one or a value
 * its kind does not take (out of range, not of its type, not of its valuesList: part 2 B05).
 */
final class DeviceVariables {

  /** What the core said of the things a read needs: its configuration, the number of installed roots. */
  record CoreAnswers(Optional<GetConfigurationResponse> configuration, Optional<Integer> certificates) {
  }

  /** The core's calls a read of some variables takes, and what their answers, in the same order, say. */
  record CoreReads(boolean configuration, boolean certificates) {
    List<CentralSystemRequest<?>> requests() {
      List<CentralSystemRequest<?>> requests = new ArrayList<>();
      if (configuration) {
        // all keys: naming the mapped ones could pass the core's GetConfigurationMaxKeys
        requests.add(new GetConfigurationRequest(List.of()));
      }
      if (certificates) {
        requests.add(new GetInstalledCertificateIdsRequest(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE));
        requests.add(new GetInstalledCertificateIdsRequest(CertificateUse.MANUFACTURER_ROOT_CERTIFICATE));
      }
      return requests;
    }

    CoreAnswers answers(List<Response> answers) {
      Optional<GetConfigurationResponse> keys = configuration
          ? Optional.of((GetConfigurationResponse) answers.getFirst()) : Optional.empty();
      Optional<Integer> roots = Optional.empty();
      if (certificates) {
        int from = configuration ? 1 : 0;
        roots = Optional.of(answers.subList(from, from + 2).stream()
            .mapToInt(a -> ((GetInstalledCertificateIdsResponse) a).certificateHashData().size()).sum());
      }
      return new CoreAnswers(keys, roots);
    }
  }

  /**
   * A GetVariables, SetVariables or GetReport naming more entries than DeviceDataCtrlr.ItemsPerMessage is
   * answered CALLERROR OccurrenceConstraintViolation, one whose frame is longer than BytesPerMessage
   * FormatViolation (part 2 B05, B06.FR.16, B06.FR.17, B08.FR.17, B08.FR.18; the codes EVerest libocpp sends).
   *
   * @return the error to answer {@code request} with, or empty for a call within the limits
   */
  static Optional<RpcError> tooLarge(Messages.Request<?> request, int frameBytes) {
    int items = switch (request) {
      case GetVariablesRequest get -> get.getVariableData().size();
      case SetVariablesRequest set -> set.setVariableData().size();
      case ReportMessages.GetReportRequest report -> report.componentVariable().size();
      default -> -1;
    };
    if (items < 0) {
      return Optional.empty();
    }
    if (items > OwnVariables.ITEMS_PER_MESSAGE) {
      return Optional.of(new RpcError(ErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION,
          items + " entries; ItemsPerMessage is " + OwnVariables.ITEMS_PER_MESSAGE));
    }
    return frameBytes > OwnVariables.BYTES_PER_MESSAGE ? Optional.of(new RpcError(ErrorCode.FORMAT_VIOLATION,
        frameBytes + " bytes; BytesPerMessage is " + OwnVariables.BYTES_PER_MESSAGE)) : Optional.empty();
  }

  private final String identity;
  private final Duration messageTimeout;
  private final Scheduler clock;
  private final StoredVariables stored;
  private final TxPoints txPoints;

  DeviceVariables(String identity, Duration messageTimeout, Scheduler clock, StoredVariables stored,
      TxPoints txPoints) {
    this.identity = identity;
    this.messageTimeout = messageTimeout;
    this.clock = clock;
    this.stored = stored;
    this.txPoints = txPoints;
  }

  /** {@return the value of {@code own} given what the core said; empty where the core was not asked} */
  Optional<String> value(Own own, CoreAnswers core) {
    return switch (own.source()) {
      case Source.Stored s -> Optional.of(stored.value(own));
      case Source.Constant(String value) -> Optional.of(value);
      case Source.Of(Fact fact) -> switch (fact) {
        case IDENTITY -> Optional.of(identity);
        case MESSAGE_TIMEOUT -> Optional.of(Long.toString(messageTimeout.toSeconds()));
        case DATE_TIME -> Optional.of(clock.now().truncatedTo(ChronoUnit.SECONDS).toString());
        case CERTIFICATE_ENTRIES -> core.certificates().map(String::valueOf);
      };
    };
  }

  /** {@return TxCtrlr's TxStartPoint and TxStopPoint for a report, as {@link TxPoints} reports them} */
  List<ReportData> txPoints() {
    return txPoints.report();
  }

  /** {@return the exchange of a GetVariables: the core is asked only what the named variables need} */
  Exchange get(GetVariablesRequest get) {
    boolean keys = get.getVariableData().stream()
        .anyMatch(d -> Variables.lookup(d.component(), d.variable(), d.attributeType()) instanceof Variables.Key);
    boolean roots = get.getVariableData().stream().anyMatch(d -> OwnVariables.find(d.component(), d.variable())
        .filter(own -> own.source() instanceof Source.Of(Fact fact) && fact == Fact.CERTIFICATE_ENTRIES).isPresent());
    CoreReads reads = new CoreReads(keys, roots);
    return new Exchange(reads.requests(), answers -> new GetVariablesResponse(get.getVariableData().stream()
        .map(d -> read(d, reads.answers(answers))).toList()));
  }

  private GetVariableResult read(GetVariableData data, CoreAnswers core) {
    Optional<TxPoints.Setting> point = TxPoints.named(data.component(), data.variable());
    if (point.isPresent()) {
      return txPoints.read(data, point.get());
    }
    Optional<Own> own = OwnVariables.find(data.component(), data.variable());
    if (own.isEmpty()) {
      GetVariableResult result = Variables.read(data, core.configuration());
      return result.attributeStatus() == GetVariableStatus.UnknownComponent && ownComponent(data.component())
          ? withStatus(result, GetVariableStatus.UnknownVariable) : result;
    }
    if (data.attributeType().filter(a -> a != Attribute.Actual).isPresent()) {
      return withStatus(Variables.read(data, Optional.empty()), GetVariableStatus.NotSupportedAttributeType);
    }
    Optional<String> value = value(own.get(), core);
    return new GetVariableResult(value.isPresent() ? GetVariableStatus.Accepted : GetVariableStatus.Rejected,
        data.attributeType(), value, data.component(), data.variable(), Optional.empty());
  }

  private static GetVariableResult withStatus(GetVariableResult result, GetVariableStatus status) {
    return new GetVariableResult(status, result.attributeType(), Optional.empty(), result.component(),
        result.variable(), Optional.empty());
  }

  private static boolean ownComponent(Types.Component component) {
    return component.instance().isEmpty() && component.evse().isEmpty() && OwnVariables.hasComponent(component.name());
  }

  /**
   * {@return the exchange of a SetVariables: one ChangeConfiguration per variable that is a 1.6 key; the own
   * variables are written, in the order given, once the core has answered those}
   */
  Exchange set(SetVariablesRequest set) {
    List<CentralSystemRequest<?>> changes = new ArrayList<>();
    List<Integer> changeOf = new ArrayList<>();
    for (SetVariableData data : set.setVariableData()) {
      if (OwnVariables.find(data.component(), data.variable()).isEmpty()
          && Variables.toWrite(data.component(), data.variable(), data.attributeType()) instanceof Variables.Key(String key)) {
        changeOf.add(changes.size());
        changes.add(new ChangeConfigurationRequest(key, data.attributeValue()));
      } else {
        changeOf.add(-1);
      }
    }
    Function<List<Response>, Messages.Response> answer = answers -> {
      List<SetVariableResult> results = new ArrayList<>();
      for (int i = 0; i < set.setVariableData().size(); i++) {
        SetVariableData data = set.setVariableData().get(i);
        int change = changeOf.get(i);
        Optional<SetVariableResult> own = TxPoints.named(data.component(), data.variable())
            .map(point -> txPoints.write(data, point))
            .or(() -> OwnVariables.find(data.component(), data.variable()).map(variable -> write(variable, data)));
        results.add(own.orElseGet(() -> keyWritten(data,
            change < 0 ? Optional.empty() : Optional.of((ChangeConfigurationResponse) answers.get(change)))));
      }
      return new SetVariablesResponse(results);
    };
    return new Exchange(changes, answer);
  }

  private SetVariableResult write(Own own, SetVariableData data) {
    SetVariableStatus status;
    if (data.attributeType().filter(a -> a != Attribute.Actual).isPresent()) {
      status = SetVariableStatus.NotSupportedAttributeType;
    } else if (own.mutability() == Variables.Mutability.READ_ONLY || !(own.source() instanceof Source.Stored)) {
      status = SetVariableStatus.Rejected;
    } else {
      status = stored.write(own, data.attributeValue()) ? SetVariableStatus.Accepted : SetVariableStatus.Rejected;
    }
    return new SetVariableResult(data.attributeType(), status, data.component(), data.variable(), Optional.empty());
  }

  private static SetVariableResult keyWritten(SetVariableData data, Optional<ChangeConfigurationResponse> answer) {
    SetVariableResult result = Variables.written(data, answer);
    return result.attributeStatus() == SetVariableStatus.UnknownComponent && ownComponent(data.component())
        ? new SetVariableResult(result.attributeType(), SetVariableStatus.UnknownVariable, result.component(),
            result.variable(), Optional.empty())
        : result;
  }
}
