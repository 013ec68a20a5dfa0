using System.Globalization;

namespace SmartVillage.Gateway.Calibration.CommandLine;

/// <summary>
/// <c>calibrate ph|ec --sensor ID [--buffers 4.01,7.00,10.01] [--set technical|nist] [--standards 1413,12880]
/// [--note TEXT] [--gateway URL] [--yes] [--wait MINUTES]</c>.
/// </summary>
public sealed record CalibrateArguments(
    string Kind, string Sensor, string? BufferSet, IReadOnlyList<double>? Buffers, IReadOnlyList<double>? Standards, string? Note,
    Uri? Gateway, bool Yes, TimeSpan Wait)
{
    public const string Usage = """
        Usage: smartvillage calibrate ph --sensor ID [--buffers 4.01,7.00,10.01 | --set technical|nist] [options]
               smartvillage calibrate ec --sensor ID [--standards 1413[,12880]] [options]
        Guides a calibration step by step through the running gateway: put the probe in each solution when asked,
        wait until its reading is stable, record it, and apply the result if the probe passes the checks.
        Options:
          --note TEXT       stored with the calibration (electrode serial, buffer lot)
          --gateway URL     the gateway's address (default: its Urls setting, else http://127.0.0.1:8080)
          --yes             apply an accepted calibration without asking
          --wait MINUTES    give up when a reading is not stable after this long (default 10)
        The admin password is asked for without echo, or taken from SMARTVILLAGE_ADMIN_PASSWORD.
        Exit codes: 0 applied; 1 refused by the checks or cancelled; 2 wrong arguments; 3 gateway, login or API error.
        """;

    /// <returns>The arguments, or the problem with them in words.</returns>
    public static (CalibrateArguments? Arguments, string? Problem) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] is not ("ph" or "ec"))
        {
            return (null, args.Count == 0 ? "say what to calibrate: ph or ec" : $"'{args[0]}' is not something to calibrate; use ph or ec");
        }

        var kind = args[0];
        string? sensor = null, set = null, note = null;
        IReadOnlyList<double>? buffers = null, standards = null;
        Uri? gateway = null;
        var yes = false;
        var wait = TimeSpan.FromMinutes(10);
        for (var i = 1; i < args.Count; i++)
        {
            var option = args[i];
            if (option == "--yes")
            {
                yes = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"{option} needs a value");
            }

            var value = args[++i];
            string? problem = null;
            switch (option)
            {
                case "--sensor": sensor = value; break;
                case "--set": set = value; break;
                case "--note": note = value; break;
                case "--buffers": buffers = Numbers(option, value, ref problem); break;
                case "--standards": standards = Numbers(option, value, ref problem); break;
                case "--gateway":
                    gateway = Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
                    problem = gateway is null ? $"--gateway: '{value}' is not an http:// or https:// address" : null;
                    break;
                case "--wait":
                    problem = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0
                        ? null
                        : $"--wait: '{value}' is not a number of minutes above 0";
                    wait = problem is null ? TimeSpan.FromMinutes(minutes) : wait;
                    break;
                default: problem = $"unknown option '{option}'"; break;
            }

            if (problem is not null)
            {
                return (null, problem);
            }
        }

        if (string.IsNullOrWhiteSpace(sensor))
        {
            return (null, "--sensor: missing; name the sensor id from the kit file, e.g. --sensor tank-ph");
        }

        if (kind == "ph" && standards is not null || kind == "ec" && (buffers is not null || set is not null))
        {
            return (null, kind == "ph" ? "--standards is for ec; a pH calibration takes --buffers or --set" : "--buffers and --set are for ph; an EC calibration takes --standards");
        }

        return (new CalibrateArguments(kind, sensor, set, buffers, standards, note, gateway, yes, wait), null);
    }

    private static List<double>? Numbers(string option, string text, ref string? problem)
    {
        var numbers = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                problem = $"{option}: '{part}' is not a number; write e.g. {option} 4.01,7.00,10.01";
                return null;
            }

            numbers.Add(number);
        }

        return numbers;
    }
}
