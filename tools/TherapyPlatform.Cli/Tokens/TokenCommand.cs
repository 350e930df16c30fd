using System.CommandLine;

namespace TherapyPlatform.Cli.Tokens;

/// <summary>
/// <c>therapy token --role therapist --patients P042,P043 [--key KEY]</c>: a bearer token for local development,
/// signed with the AppHost's <c>auth-signing-key</c> parameter (from <c>--key</c> or <c>THERAPY_AUTH_SIGNING_KEY</c>).
/// </summary>
public static class TokenCommand
{
    public const string KeyVariable = "THERAPY_AUTH_SIGNING_KEY";

    public static Command Create()
    {
        var role = new Option<string>("--role") { Description = "therapist, researcher or admin", Required = true };
        role.AcceptOnlyFromAmong("therapist", "researcher", "admin");
        var patients = new Option<string?>("--patients") { Description = "A therapist's patient codes, comma-separated" };
        var subject = new Option<string>("--subject") { Description = "The user id (sub claim)", DefaultValueFactory = _ => "developer" };
        var key = new Option<string?>("--key") { Description = $"The signing key (default: ${KeyVariable})" };
        var hours = new Option<double>("--hours") { Description = "Lifetime in hours", DefaultValueFactory = _ => 8 };

        var command = new Command("token", "Print a bearer token for local development");
        command.Options.Add(role);
        command.Options.Add(patients);
        command.Options.Add(subject);
        command.Options.Add(key);
        command.Options.Add(hours);
        command.SetAction(result =>
        {
            var signingKey = result.GetValue(key) ?? Environment.GetEnvironmentVariable(KeyVariable);
            if (string.IsNullOrEmpty(signingKey) || signingKey.Length < 32)
            {
                result.InvocationConfiguration.Error.WriteLine(
                    $"Give the AppHost's auth-signing-key (32+ characters) with --key or ${KeyVariable}; " +
                    "see it with: dotnet user-secrets list --project TherapyPlatform.AppHost");
                return 2;
            }

            var codes = result.GetValue(patients)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            result.InvocationConfiguration.Output.WriteLine(DevelopmentTokens.Create(
                signingKey, result.GetRequiredValue(role), codes, result.GetRequiredValue(subject),
                lifetime: TimeSpan.FromHours(result.GetValue(hours))));
            return 0;
        });
        return command;
    }
}
