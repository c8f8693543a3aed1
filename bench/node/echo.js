// The benchmark's floor: the least a charge point on the ws client can do. It connects with the
// ocpp1.6 subprotocol, sends one BootNotification, and answers every CALL at once with an empty
// CALLRESULT. Whatever the real charger costs above this is the charger's own.
'use strict';

const WebSocket = require('ws');

const url = process.argv[2];
if (!url) {
  console.error('usage: node echo.js ws://host:port/path/CHARGE-POINT-ID');
  process.exit(2);
}

const socket = new WebSocket(url, 'ocpp1.6');
socket.on('open', () => {
  socket.send(JSON.stringify([2, 'boot', 'BootNotification',
    { chargePointVendor: 'Echo', chargePointModel: 'Floor' }]));
});
socket.on('message', (data) => {
  let frame;
  try {
    frame = JSON.parse(data);
  } catch (e) {
    return;
  }
  if (Array.isArray(frame) && frame[0] === 2) {
    socket.send(JSON.stringify([3, frame[1], {}]));
  }
});
socket.on('close', () => process.exit(0));
socket.on('error', (e) => {
  console.error('echo: ' + e.message);
  process.exit(1);
});
