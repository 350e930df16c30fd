using Microsoft.Extensions.Options;

namespace TherapyPlatform.Ingestion.Webhooks;

/// <summary>
/// Refuses to start without a webhook secret, so a deployment that forgot it fails loudly instead of accepting
/// anyone's webhooks; unsigned webhooks are an explicit opt-in for local development only.
/// </summary>
public sealed class WebhookOptionsValidator(IHostEnvironment environment) : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        if (options.AllowUnsigned && !environment.IsDevelopment())
        {
            return ValidateOptionsResult.Fail(
                $"Webhook:AllowUnsigned=true is only allowed in the Development environment, not in '{environment.EnvironmentName}'. "
                + "Set Webhook:Secret to the storage webhook's signing secret instead.");
        }

        if (!options.RequiresSignature && !options.AllowUnsigned)
        {
            return ValidateOptionsResult.Fail(
                "Webhook:Secret is not set, so storage webhooks could not be authenticated. Set it to the webhook's signing "
                + "secret (the AppHost passes its generated webhook-secret parameter), or, to run Ingestion alone in the "
                + "Development environment, set Webhook:AllowUnsigned=true.");
        }

        return ValidateOptionsResult.Success;
    }
}
