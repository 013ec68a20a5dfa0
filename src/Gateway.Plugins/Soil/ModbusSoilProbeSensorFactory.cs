using System.Globalization;
using SmartVillage.Plugins.Abstractions;
using SmartVillage.Plugins.Modbus;

namespace SmartVillage.Plugins.Soil;

/// <summary>
/// Kit file type <c>modbus-soil-probe</c>: <c>Port</c> is the RS485 adapter (<c>/dev/ttyUSB0</c>). Settings:
/// <c>UnitAddress</c> (1-247, default 1), <c>BaudRate</c> (default 4800), <c>Registers</c> (3, 4 or 7; default 7),
/// <c>Function</c> (3 or 4; default 3), <c>PhScale</c> (default 0.1), <c>ResponseTimeoutMs</c> (default 500).
/// </summary>
public sealed class ModbusSoilProbeSensorFactory : ISensorFactory
{
    private static readonly int[] s_baudRates = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200];
    private readonly TimeProvider _time;

    public ModbusSoilProbeSensorFactory(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public string Type => "modbus-soil-probe";

    public IReadOnlyList<string> Validate(SensorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(definition.Port))
        {
            problems.Add("Port: missing; the RS485 adapter's serial device, e.g. /dev/ttyUSB0");
        }

        SensorSettings.CheckNumber(definition, "UnitAddress", 1, 247, problems);
        SensorSettings.CheckNumber(definition, "ResponseTimeoutMs", 20, 5000, problems);
        SensorSettings.CheckNumber(definition, "PhScale", 0.001, 1, problems);
        if (definition.Settings.TryGetValue("BaudRate", out var baud)
            && !(int.TryParse(baud, NumberStyles.Integer, CultureInfo.InvariantCulture, out var rate) && s_baudRates.Contains(rate)))
        {
            problems.Add($"Settings:BaudRate: {baud} is not a standard rate; use {string.Join(", ", s_baudRates)}");
        }

        if (definition.Settings.GetValueOrDefault("Registers") is { } registers && registers is not ("3" or "4" or "7"))
        {
            problems.Add($"Settings:Registers: {registers}; use 3 (3-in-1), 4 (with pH) or 7 (with N, P, K)");
        }

        if (definition.Settings.GetValueOrDefault("Function") is { } function && function is not ("3" or "4"))
        {
            problems.Add($"Settings:Function: {function}; use 3 (holding registers) or 4 (input registers)");
        }

        return problems;
    }

    public ISensor Create(SensorDefinition definition, IHardware hardware)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(hardware);
        var options = new ModbusSoilProbeOptions
        {
            Unit = (byte)SensorSettings.Number(definition, "UnitAddress", 1),
            BaudRate = (int)SensorSettings.Number(definition, "BaudRate", 4800),
            Registers = (int)SensorSettings.Number(definition, "Registers", 7),
            UseInputRegisters = definition.Settings.GetValueOrDefault("Function") == "4",
            PhScale = SensorSettings.Number(definition, "PhScale", 0.1),
            ResponseTimeout = TimeSpan.FromMilliseconds(SensorSettings.Number(definition, "ResponseTimeoutMs", 500)),
        };
        var line = hardware.OpenSerial(definition.Port!, options.BaudRate);
        var master = new ModbusRtuMaster(line, _time, new ModbusRtuOptions { ResponseTimeout = options.ResponseTimeout });
        return new ModbusSoilProbeSensor(line, master, options);
    }
}
