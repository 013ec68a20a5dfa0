using System.Device.Gpio;

namespace SmartVillage.Plugins.Radio.Sx127x;

/// <summary>Packet reception: DIO0 callback or polling, then step 10 of the receive sequence.</summary>
public sealed partial class Sx1276
{
    private async Task PollAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        using (timer)
        {
            try
            {
                while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    ServiceInterruptSafely();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Disposed: polling ends.
            }
        }
    }

    private void OnDio0Rising(object sender, PinValueChangedEventArgs args) => ServiceInterruptSafely();

    /// <summary>
    /// Runs on a GPIO callback thread or the polling loop, where an exception would be lost or crash the process:
    /// an SPI failure ends <see cref="Packets"/> with the exception instead, so the reader learns of it.
    /// </summary>
    private void ServiceInterruptSafely()
    {
        try
        {
            ServiceInterrupt();
        }
        catch (IOException ex)
        {
            _packets.Writer.TryComplete(ex);
        }
    }

    /// <summary>Step 10 of the receive sequence: read and clear RegIrqFlags, then read the packet from the FIFO.</summary>
    private void ServiceInterrupt()
    {
        lock (_spiLock)
        {
            if (_disposed)
            {
                return;
            }

            byte flags = ReadRegister(Register.IrqFlags);
            if (flags == 0)
            {
                return;
            }

            WriteRegister(Register.IrqFlags, flags);
            if ((flags & IrqRxDone) == 0)
            {
                return;
            }

            // With an explicit header the chip says whether the node sent a CRC; a packet without one cannot be trusted.
            bool hasCrc = _options.ImplicitHeaderLength is not null || (ReadRegister(Register.HopChannel) & CrcOnPayload) != 0;
            if ((flags & IrqPayloadCrcError) != 0 || !hasCrc)
            {
                Interlocked.Increment(ref _crcErrors);
                return;
            }

            int length = ReadRegister(Register.RxNbBytes);
            WriteRegister(Register.FifoAddrPtr, ReadRegister(Register.FifoRxCurrentAddr));
            byte[] payload = new byte[length];
            ReadRegisters(Register.Fifo, payload);

            // Datasheet §5.5.5: SNR = (int8)RegPktSnrValue / 4 dB; RSSI = -offset + PktRssi, plus SNR when SNR < 0.
            double snr = (sbyte)ReadRegister(Register.PktSnrValue) / 4.0;
            double rssi = -_rssiOffset + ReadRegister(Register.PktRssiValue) + (snr < 0 ? snr : 0);
            Interlocked.Increment(ref _received);
            if (!_packets.Writer.TryWrite(new LoRaPacket(payload, rssi, snr, _time.GetUtcNow())))
            {
                Interlocked.Increment(ref _overflowDrops);
            }
        }
    }
}
