using System.Text;

namespace SmartVillage.Gateway.Calibration.CommandLine;

/// <summary>
/// The admin password for the command line: from <see cref="EnvironmentVariable"/> (scripts, tests), or typed at the
/// terminal without echo. It is never printed or logged; when input is not a terminal the variable is required, so
/// a password never travels through a pipe meant for the step prompts.
/// </summary>
public static class PasswordPrompt
{
    public const string EnvironmentVariable = "SMARTVILLAGE_ADMIN_PASSWORD";

    /// <returns>The password, or null when none can be had (with the reason written to <paramref name="output"/>).</returns>
    public static string? Read(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (Console.IsInputRedirected)
        {
            output.WriteLine($"Input is not a terminal: set {EnvironmentVariable} to the admin password.");
            return null;
        }

        output.Write("Admin password: ");
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        output.WriteLine();
        return password.ToString();
    }
}
