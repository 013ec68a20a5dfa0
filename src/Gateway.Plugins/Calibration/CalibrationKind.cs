namespace SmartVillage.Plugins.Calibration;

/// <summary>What a calibration turns raw values into; stored in every record as <c>"Kind"</c>.</summary>
public enum CalibrationKind
{
    /// <summary>pH from electrode millivolts: 1-3 buffers, Nernst slope and offset (<see cref="PhCalibration"/>).</summary>
    Ph,

    /// <summary>Conductivity from probe volts: a cell constant from 1-2 standard solutions (<see cref="EcCalibration"/>).</summary>
    Ec,
}
