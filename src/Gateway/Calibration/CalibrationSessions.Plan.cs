using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Gateway.Calibration;

public sealed partial class CalibrationSessions
{
    /// <summary>
    /// The references in the order the technician measures them: for pH the neutral buffer first (it sets the offset;
    /// domain reference §3.4), then acid, then alkaline; for EC from the weakest standard up, so a probe carries the
    /// least salt from one bottle into the next.
    /// </summary>
    private static (PhBufferSet? BufferSet, IReadOnlyList<double> References, CalibrationRefusal? Problem) Plan(
        CalibratableSensor sensor, StartCalibrationRequest request)
    {
        if (sensor.Kind == CalibrationKind.Ec)
        {
            if (request.BufferSet is not null || request.Buffers is not null)
            {
                return (null, [], CalibrationRefusal.Of("wrong-kind",
                    $"'{sensor.Id}' is an EC sensor: give standard solutions (\"standards\": [1413]), not pH buffers", ("sensor", sensor.Id)));
            }

            var standards = request.Standards ?? [EcStandards.Common];
            return (null, [.. standards.Order()], EcCalibrator.CheckPlan(standards));
        }

        if (request.Standards is not null)
        {
            return (null, [], CalibrationRefusal.Of("wrong-kind",
                $"'{sensor.Id}' is a pH sensor: give buffers (\"buffers\": [4.01, 7.00, 10.01]), not conductivity standards", ("sensor", sensor.Id)));
        }

        PhBufferSet? set;
        if (request.BufferSet is { } name)
        {
            set = PhBufferSet.Find(name);
            if (set is null)
            {
                var names = string.Join(", ", PhBufferSet.All.Select(s => s.Name));
                return (null, [], CalibrationRefusal.Of("unknown-buffer-set", $"no buffer set '{name}'; use {names}", ("set", name), ("sets", names)));
            }
        }
        else
        {
            set = PhBufferSet.All.FirstOrDefault(s => request.Buffers?.All(s.Contains) == true) ?? PhBufferSet.Technical;
        }

        var buffers = request.Buffers ?? [set.Acid, set.Neutral, set.Alkaline];
        var ordered = buffers.OrderBy(b => Math.Abs(b - 7) <= 0.5 ? 0 : b < 7 ? 1 : 2).ThenBy(b => b).ToList();
        return (set, ordered, PhCalibrator.CheckPlan(set, buffers));
    }
}
