package dev.kilowatt.transfer;

/** A transfer that cannot succeed as it stands; the message is the reason the domain logs and counts. */
final class TransferFailure extends Exception {

  TransferFailure(String reason) {
    super(reason, null, false, false);
  }
}
