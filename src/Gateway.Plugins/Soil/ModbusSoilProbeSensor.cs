using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Modbus;

namespace SmartVillage.Plugins.Soil;

/// <summary>
/// A common RS485 soil probe (3-in-1 to 7-in-1; JXBS-3001, ComWinTop, Renke and similar) read with our Modbus RTU
/// master. Register map shared by these probes (holding or input registers, one per quantity):
/// <list type="table">
/// <item><term>0x0000</term><description>moisture, 0.1 % volume → <c>soil-vwc</c> in <c>/</c> (0-1)</description></item>
/// <item><term>0x0001</term><description>temperature, 0.1 °C, two's complement → <c>temperature</c> in <c>Cel</c></description></item>
/// <item><term>0x0002</term><description>conductivity, 1 µS/cm → <c>conductivity</c> in <c>S/m</c></description></item>
/// <item><term>0x0003</term><description>pH, 0.1 pH (0.01 on some: <c>PhScale</c>) → <c>ph</c> in <c>pH</c></description></item>
/// <item><term>0x0004-6</term><description>nitrogen, phosphorus, potassium, 1 mg/kg → <c>nitrogen</c>, <c>phosphorus</c>,
/// <c>potassium</c> in <c>ppm</c> (RFC 8798; mg/kg is ppm by mass)</description></item>
/// </list>
/// A 3-in-1 probe has the first three registers, a 4-in-1 the first four (<c>Registers</c> setting).
/// </summary>
/// <remarks>
/// NPK from a conductivity probe is an estimate derived from EC by the probe's firmware, not a chemical measurement;
/// it is forwarded as the probe reports it.
/// </remarks>
public sealed class ModbusSoilProbeSensor : ISensor
{
    private readonly Stream _line;
    private readonly ModbusRtuMaster _master;
    private readonly ModbusSoilProbeOptions _options;

    public ModbusSoilProbeSensor(Stream line, ModbusRtuMaster master, ModbusSoilProbeOptions options)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(master);
        ArgumentNullException.ThrowIfNull(options);
        _line = line;
        _master = master;
        _options = options;
    }

    public async ValueTask<SensorSample> ReadAsync(CancellationToken cancellationToken)
    {
        var count = (ushort)_options.Registers;
        var result = _options.UseInputRegisters
            ? await _master.ReadInputRegistersAsync(_options.Unit, 0, count, cancellationToken).ConfigureAwait(false)
            : await _master.ReadHoldingRegistersAsync(_options.Unit, 0, count, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return SensorSample.Failure($"soil probe at unit {_options.Unit}: {result.Detail}");
        }

        var r = result.Registers;
        var measurements = new List<Measurement>(7)
        {
            Checked("soil-vwc", "/", r[0] * 0.001, 0, 1),
            Checked("temperature", "Cel", (short)r[1] * 0.1, -40, 80),
            Checked("conductivity", "S/m", r[2] * 1e-4, 0, 2), // 0-20000 µS/cm is the probes' range.
        };
        if (r.Count > 3)
        {
            measurements.Add(Checked("ph", "pH", r[3] * _options.PhScale, 3, 9));
        }

        if (r.Count > 4)
        {
            measurements.Add(Checked("nitrogen", "ppm", r[4], 0, 1999));
            measurements.Add(Checked("phosphorus", "ppm", r[5], 0, 1999));
            measurements.Add(Checked("potassium", "ppm", r[6], 0, 1999));
        }

        return SensorSample.Success(measurements);
    }

    /// <summary>A value outside the probe's documented measuring range is kept but flagged.</summary>
    private static Measurement Checked(string quantity, string unit, double value, double min, double max) =>
        new(quantity, unit, Math.Round(value, 5), value < min || value > max ? ReadingQuality.OutOfRange : ReadingQuality.Good);

    public void Dispose()
    {
        _master.Dispose();
        _line.Dispose();
    }
}
