'use strict';
// An independent OCPP 2.0.1 central system for the adapter's tests: ocpp-rpc's server in strict mode,
// which checks every message both ways against the schemas it ships. Driven by a line protocol:
//
//   argv:   node central-system.js <subprotocol>[,<subprotocol>...] [options]
//           --password <hex>        the upgrade must carry HTTP Basic auth with these password bytes, else 401
//           --tls <p12 file>        wss:// only: the server's key and certificate chain (store password changeit)
//           --client-ca <pem file>  with --tls: a client certificate issued by this root is required
//   stdout: listening <port>
//           upgrade <identity> password=<hex or none> clientCert=<subject CN or none>   (every upgrade request)
//           connected <identity> <subprotocol>
//           ping <identity>                                 (a WebSocket ping from the station)
//           frame <raw text of every frame received from the station>
//           received <action> <params as JSON>           (a valid call from the station, answered)
//           result <tag> <JSON> | error <tag> <code> <JSON description>
//           strictFailure <JSON>                          (ocpp-rpc refused a message for its schema)
//           disconnected <identity> <code>
//           holding <action> | released <action>         (acknowledgements of hold and release)
//           then <action>                                (acknowledgement of then)
//           offline | online <port>                      (acknowledgements of offline and online)
//   stdin:  call <tag> <action> <params as JSON>      (the server calls the station)
//           raw <text>                                 (sent to the station as it is)
//           binary <text>                              (sent to the station as a binary frame)
//           hold <action>                              (calls of that action wait for their answer...)
//           release <action>                           (...until this)
//           then <action> <tag> <callAction> <params>  (the next call of action is answered, and at once the
//                                                       server calls callAction, as call <tag> does)
//           drop                                       (closes the station's connection)
//           offline                                    (stops listening and closes the station's connection:
//                                                       the central system is unreachable; answers offline)
//           online                                     (listens again on the same port; answers online <port>)
//           quit
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const readline = require('node:readline');
const { RPCServer, createRPCError } = require('ocpp-rpc');

const protocols = (process.argv[2] || 'ocpp2.0.1').split(',');
const options = {};
for (let i = 3; i < process.argv.length; i += 2) {
  options[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
}
const server = new RPCServer({ protocols, strictMode: true });
let station = null;
const held = new Map();
const followUps = new Map();

function report(line) {
  process.stdout.write(line.replace(/\r?\n/g, ' ') + '\n');
}

const answers = {
  BootNotification: () => ({ currentTime: new Date().toISOString(), interval: 300, status: 'Accepted' }),
  Heartbeat: () => ({ currentTime: new Date().toISOString() }),
  StatusNotification: () => ({}),
  Authorize: () => ({ idTokenInfo: { status: 'Accepted' } }),
  TransactionEvent: () => ({}),
  MeterValues: () => ({}),
  ReservationStatusUpdate: () => ({}),
  // a vendor this central system knows echoes the data it got; any other vendor is unknown to it
  DataTransfer: ({ vendorId, data }) => (vendorId === 'com.acme'
    ? { status: 'Accepted', data: { echo: data === undefined ? 'nothing' : data } }
    : { status: 'UnknownVendorId' }),
  SecurityEventNotification: () => ({}),
  NotifyReport: () => ({}),
  FirmwareStatusNotification: () => ({}),
  LogStatusNotification: () => ({}),
  // the test signs the request itself and sends the chain with a CertificateSigned call
  SignCertificate: () => ({ status: 'Accepted' }),
  ReportChargingProfiles: () => ({}),
};

server.auth((accept, reject, handshake) => {
  const password = handshake.password ? handshake.password.toString('hex') : 'none';
  const certificate = handshake.request.socket.getPeerCertificate ? handshake.request.socket.getPeerCertificate() : null;
  const clientCert = certificate && certificate.subject ? certificate.subject.CN : 'none';
  report(`upgrade ${handshake.identity} password=${password} clientCert=${clientCert}`);
  if (options.password !== undefined && password !== options.password.toLowerCase()) {
    reject(401, 'Unauthorized');
    return;
  }
  accept();
});

server.on('client', (client) => {
  station = client;
  report(`connected ${client.identity} ${client.protocol}`);
  // ocpp-rpc (2.2.1, pinned) does not report the pings it receives; its socket, from the ws package, does
  client._ws.on('ping', () => report(`ping ${client.identity}`));
  client.on('message', ({ message, outbound }) => {
    if (!outbound) {
      report(`frame ${message}`);
    }
  });
  client.on('strictValidationFailure', ({ error }) => report(`strictFailure ${JSON.stringify(error.message)}`));
  client.on('close', ({ code }) => report(`disconnected ${client.identity} ${code}`));
  client.handle(async ({ method, params }) => {
    report(`received ${method} ${JSON.stringify(params)}`);
    if (held.has(method)) {
      await new Promise((resolve) => held.get(method).push(resolve));
    }
    const answer = answers[method];
    if (!answer) {
      throw createRPCError('NotImplemented', `this test central system does not answer ${method}`);
    }
    const followUp = followUps.get(method);
    if (followUp) {
      followUps.delete(method);
      // after this handler's answer has gone out: the station receives the answer, then the call
      setImmediate(() => callStation(followUp.tag, followUp.action, followUp.params));
    }
    return answer(params);
  });
});

async function callStation(tag, action, params) {
  try {
    const result = await station.call(action, JSON.parse(params || '{}'));
    report(`result ${tag} ${JSON.stringify(result)}`);
  } catch (err) {
    report(`error ${tag} ${err.rpcErrorCode || err.name} ${JSON.stringify(err.message)}`);
  }
}

readline.createInterface({ input: process.stdin }).on('line', async (line) => {
  const [command, ...rest] = line.split(' ');
  if (command === 'hold') {
    held.set(rest[0], []);
    report(`holding ${rest[0]}`);
    return;
  }
  if (command === 'release') {
    const waiting = held.get(rest[0]) || [];
    held.delete(rest[0]);
    report(`released ${rest[0]}`);
    waiting.forEach((resolve) => resolve());
    return;
  }
  if (command === 'then') {
    const [action, tag, callAction, ...params] = rest;
    followUps.set(action, { tag, action: callAction, params: params.join(' ') });
    report(`then ${action}`);
    return;
  }
  if (command === 'offline') {
    httpServer.close();
    if (station) {
      await station.close({ code: 1001, reason: 'central system offline', awaitPending: false, force: true });
    }
    report('offline');
    return;
  }
  if (command === 'online') {
    httpServer.listen(port, '127.0.0.1', () => report(`online ${port}`));
    return;
  }
  if (command === 'quit') {
    await server.close({ code: 1000, reason: 'test over', awaitPending: false });
    process.exit(0);
  }
  if (!station) {
    report(`error - NoStation "no station is connected"`);
    return;
  }
  if (command === 'raw') {
    station.sendRaw(rest.join(' '));
  } else if (command === 'binary') {
    station.sendRaw(Buffer.from(rest.join(' '), 'utf8'));
  } else if (command === 'drop') {
    await station.close({ code: 4000, reason: 'dropped by the test', awaitPending: false, force: true });
  } else if (command === 'call') {
    const [tag, action, ...params] = rest;
    await callStation(tag, action, params.join(' '));
  } else {
    report(`error - UnknownCommand ${JSON.stringify(line)}`);
  }
});

// an HTTP server of our own, so that it may be HTTPS; ocpp-rpc takes the upgrades it hands over
const httpServer = options.tls === undefined
  ? http.createServer()
  : https.createServer({
    pfx: fs.readFileSync(options.tls),
    passphrase: 'changeit',
    requestCert: options['client-ca'] !== undefined,
    rejectUnauthorized: options['client-ca'] !== undefined,
    ca: options['client-ca'] === undefined ? undefined : [fs.readFileSync(options['client-ca'])],
  });
httpServer.on('request', (request, response) => {
  response.statusCode = 404;
  response.end();
});
httpServer.on('upgrade', server.handleUpgrade);
let port = 0;
httpServer.listen(0, '127.0.0.1', () => {
  port = httpServer.address().port;
  report(`listening ${port}`);
});
