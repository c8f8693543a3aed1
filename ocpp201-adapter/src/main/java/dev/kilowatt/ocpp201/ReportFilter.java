package dev.kilowatt.ocpp201;

import dev.kilowatt.ocpp201.ReportMessages.ComponentCriterion;
import dev.kilowatt.ocpp201.ReportMessages.ComponentVariable;
import dev.kilowatt.ocpp201.ReportMessages.GetReportRequest;
import dev.kilowatt.ocpp201.ReportMessages.ReportData;
import dev.kilowatt.ocpp201.Types.Component;
import dev.kilowatt.ocpp201.Types.Evse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which variables of the device model a GetReport (part 2 B08) asks for.
 *
 * <ul>
 *   <li><b>componentCriteria</b>: a component meets a criterion when its variable of the criterion's name
 *       (Active, Available, Enabled, Problem) reads {@code true}, as ComponentCriterionEnumType defines them; a
 *       component meeting any of them is reported. Of those variables this station's components have Available
 *       and Problem (EVSE, Connector; Problem true while Faulted), so those are the criteria it can tell; Active
 *       and Enabled, which none of its components has, are not supported, and a request naming one is answered
 *       NotSupported.</li>
 *   <li><b>componentVariable</b>: a variable is reported when an entry names its component (the name; the
 *       instance, the EVSE id and the connector id where the entry gives them) and either names no variable or
 *       names it (the instance where the entry gives one). A part left out matches every value, the reading
 *       EVerest libocpp gives B08.FR.20 and B08.FR.21 (variable and instance), which this station applies to the
 *       component's instance and EVSE too.</li>
 *   <li>Both given: a variable must pass both. Neither: every variable, as a FullInventory.</li>
 * </ul>
 */
final class ReportFilter {

  /** The criteria a variable of this station's components can meet. */
  static final Set<ComponentCriterion> SUPPORTED = Set.of(ComponentCriterion.Available, ComponentCriterion.Problem);

  private ReportFilter() {
  }

  /** {@return the criteria of {@code request} this station cannot tell, in the request's order} */
  static List<ComponentCriterion> unsupported(GetReportRequest request) {
    return request.componentCriteria().stream().filter(c -> !SUPPORTED.contains(c)).distinct().toList();
  }

  /** {@return the variables of {@code all} that {@code request} asks for} */
  static List<ReportData> select(GetReportRequest request, List<ReportData> all) {
    Set<Component> meeting = request.componentCriteria().isEmpty() ? Set.of() : all.stream()
        .filter(data -> request.componentCriteria().stream().anyMatch(c -> c.name().equals(data.variable().name())
            && data.variable().instance().isEmpty()
            && data.variableAttribute().getFirst().value().filter("true"::equals).isPresent()))
        .map(ReportData::component).collect(Collectors.toSet());
    return all.stream()
        .filter(data -> request.componentCriteria().isEmpty() || meeting.contains(data.component()))
        .filter(data -> request.componentVariable().isEmpty()
            || request.componentVariable().stream().anyMatch(entry -> names(entry, data)))
        .toList();
  }

  private static boolean names(ComponentVariable entry, ReportData data) {
    Component wanted = entry.component();
    Component component = data.component();
    boolean sameComponent = wanted.name().equals(component.name())
        && matches(wanted.instance(), component.instance())
        && wanted.evse().map(evse -> component.evse().filter(given -> sameEvse(evse, given)).isPresent()).orElse(true);
    return sameComponent && entry.variable().map(variable -> variable.name().equals(data.variable().name())
        && matches(variable.instance(), data.variable().instance())).orElse(true);
  }

  private static boolean sameEvse(Evse wanted, Evse given) {
    return wanted.id() == given.id() && matches(wanted.connectorId(), given.connectorId());
  }

  /** A part the entry leaves out matches every value; one it gives only the same. */
  private static <T> boolean matches(Optional<T> wanted, Optional<T> given) {
    return wanted.isEmpty() || wanted.equals(given);
  }
}
