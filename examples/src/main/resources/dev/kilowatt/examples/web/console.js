// The simulator's web console: renders what the event stream says and sends console lines.
"use strict";

const KEPT_FRAMES = 500;
const connectorCards = new Map();
const actionsSeen = new Set();
let lastFrame = 0;

function $(selector, root = document) {
  return root.querySelector(selector);
}

function amperes(value) {
  return value.toFixed(1) + " A";
}

async function run(line) {
  const output = $("#output");
  try {
    const answer = await fetch("command", { method: "POST", body: line });
    const text = (await answer.text()).trim();
    output.classList.toggle("error", !answer.ok);
    output.textContent = answer.ok ? "> " + line + (text ? "\n" + text : "") : "error: " + text;
  } catch (e) {
    output.classList.add("error");
    output.textContent = "error: the simulator does not answer (" + e.message + ")";
  }
}

function card(connector) {
  let element = connectorCards.get(connector.id);
  if (!element) {
    element = $("#connector-template").content.firstElementChild.cloneNode(true);
    element.dataset.connector = connector.id;
    $("h2", element).textContent = "Connector " + connector.id;
    element.querySelectorAll("button[data-command]").forEach(button => button.addEventListener("click", () => {
      const command = button.dataset.command;
      const code = command === "fault" ? " " + $(".fault-code", element).value : "";
      run(command + " " + connector.id + code);
    }));
    $("#connectors").append(element);
    connectorCards.set(connector.id, element);
  }
  return element;
}

function showConnector(connector) {
  const element = card(connector);
  const status = $(".status", element);
  status.textContent = connector.status;
  status.className = "status pill " + connector.status;
  $(".error-code", element).textContent = connector.errorCode;
  $(".pilot", element).textContent = connector.pilot;
  $(".relay", element).textContent = connector.relayClosed ? "closed" : "open";
  $(".offered", element).textContent = amperes(connector.offeredA);
  $(".drawn", element).textContent = amperes(connector.drawnA);
  const energy = $(".energy", element);
  energy.textContent = connector.energyWh < 1000
    ? connector.energyWh.toFixed(0) + " Wh" : (connector.energyWh / 1000).toFixed(2) + " kWh";
  energy.dataset.wh = connector.energyWh;
  const transaction = $(".transaction", element);
  transaction.textContent = connector.transactionRunning
    ? (connector.transactionId === undefined ? "starting (no id yet)" : "#" + connector.transactionId) : "none";
  transaction.dataset.id = connector.transactionId === undefined ? "" : connector.transactionId;
  $(".limit", element).textContent = connector.limitA === undefined ? "none" : amperes(connector.limitA);
  $(".explanation", element).textContent = connector.limitExplanation;
  $(".chart-box", element).innerHTML = connector.chart;
}

function showState(state) {
  const unavailable = $("#unavailable");
  unavailable.hidden = state.available;
  $("#connectors").classList.toggle("stale", !state.available);
  const link = $("#link");
  if (!state.available) {
    unavailable.textContent = "The station does not answer: " + state.reason;
    link.textContent = "no answer";
    link.className = "badge down";
    return;
  }
  $("#station-id").textContent = state.chargePointId;
  link.textContent = state.linkUp ? "connected" : "offline";
  link.className = "badge " + (state.linkUp ? "up" : "down");
  $("#queue").textContent = state.queuedTransactionMessages;
  $("#boots").textContent = state.boots;
  state.connectors.forEach(showConnector);
}

function shown(row) {
  const action = $("#filter-action").value;
  const direction = $("#filter-direction").value;
  return (!action || row.dataset.action === action) && (!direction || row.dataset.direction === direction);
}

function addFrame(frame) {
  if (frame.sequence <= lastFrame) {
    return;
  }
  lastFrame = frame.sequence;
  if (!actionsSeen.has(frame.action)) {
    actionsSeen.add(frame.action);
    const select = $("#filter-action");
    const options = [...actionsSeen].sort();
    const chosen = select.value;
    select.replaceChildren(new Option("all", ""), ...options.map(a => new Option(a, a)));
    select.value = chosen;
  }
  const row = document.createElement("tr");
  row.className = "frame " + frame.direction + " " + frame.kind;
  row.dataset.action = frame.action;
  row.dataset.direction = frame.direction;
  const cells = [frame.at.substring(11, 23), frame.direction === "sent" ? "→" : "←", frame.action, frame.kind, frame.text];
  cells.forEach(text => {
    const cell = document.createElement("td");
    cell.textContent = text;
    row.append(cell);
  });
  row.title = frame.text;
  row.hidden = !shown(row);
  const frames = $("#frames");
  frames.prepend(row);
  while (frames.children.length > KEPT_FRAMES) {
    frames.lastElementChild.remove();
  }
}

function refilter() {
  document.querySelectorAll("#frames tr").forEach(row => { row.hidden = !shown(row); });
}

document.addEventListener("DOMContentLoaded", () => {
  $("#card-form").addEventListener("submit", event => {
    event.preventDefault();
    run("card " + $("#card").value.trim());
  });
  $("#line-form").addEventListener("submit", event => {
    event.preventDefault();
    run($("#line").value);
  });
  document.querySelectorAll(".power button").forEach(button => button.addEventListener("click", () => run(button.dataset.line)));
  $("#filter-action").addEventListener("change", refilter);
  $("#filter-direction").addEventListener("change", refilter);

  const events = new EventSource("events");
  events.addEventListener("state", event => showState(JSON.parse(event.data)));
  events.addEventListener("traffic", event => addFrame(JSON.parse(event.data)));
  events.addEventListener("error", () => {
    $("#link").textContent = "console disconnected";
    $("#link").className = "badge down";
  });
});
