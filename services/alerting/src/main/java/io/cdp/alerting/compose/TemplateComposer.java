package io.cdp.alerting.compose;

import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The reviewed, fixed templates: the local default composer and the fallback whenever the model's text cannot be
 * used. One text per channel and language (English and Spanish; anything else gets English). The merchant city is
 * shown only when it looks like a plain place name (see {@link UntrustedText}); the texts pass every check of
 * {@link MessageValidator} (a test holds them to it).
 */
public final class TemplateComposer implements Composer {

    public static final String NAME = "template";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d 'at' HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /**
     * @param online  where an online purchase happened (core banking's city is {@code ONLINE} for them)
     * @param payment what a purchase is called; {@code refund} what a credit to the card (a negative amount) is
     */
    private record Texts(
            String sms,
            String emailSubject,
            String email,
            String inCity,
            String somewhere,
            String online,
            String payment,
            String refund) {}

    private static final Map<String, Texts> TEXTS = Map.of(
            "en",
            new Texts(
                    "%1$s: Hi " + Placeholders.FIRST_NAME + ", did you make a %2$s %6$s at %3$s%4$s on %5$s with"
                            + " your card ending " + Placeholders.CARD_LAST4 + "? Reply YES if it was you or NO if"
                            + " it was not. Reply HELP for help, STOP to opt out.",
                    "Did you make this payment?",
                    "Hi " + Placeholders.FIRST_NAME + ",\n\nwe noticed a %2$s %6$s at %3$s%4$s on %5$s with your"
                            + " card ending " + Placeholders.CARD_LAST4 + ", and we want to be sure it was you.\n\n"
                            + "Please open the %1$s app and answer there whether you made this %6$s. Until you"
                            + " answer, we may hold further payments on this card to protect you.\n\n"
                            + "Your %1$s fraud team",
                    " in %s",
                    "",
                    " online",
                    "payment",
                    "refund"),
            "es",
            new Texts(
                    "%1$s: Hola " + Placeholders.FIRST_NAME + ", ¿hizo un %6$s de %2$s en %3$s%4$s el %5$s con su"
                            + " tarjeta terminada en " + Placeholders.CARD_LAST4 + "? Responda YES si fue usted o NO"
                            + " si no. HELP para ayuda, STOP para darse de baja.",
                    "¿Hizo usted este pago?",
                    "Hola " + Placeholders.FIRST_NAME + ",\n\nhemos visto un %6$s de %2$s en %3$s%4$s el %5$s con"
                            + " su tarjeta terminada en " + Placeholders.CARD_LAST4 + " y queremos confirmar que fue"
                            + " usted.\n\nAbra la app de %1$s y responda allí si hizo este %6$s.\n\n"
                            + "El equipo de fraude de %1$s",
                    " en %s",
                    "",
                    " en línea",
                    "pago",
                    "reembolso"));

    private final String bankName;

    public TemplateComposer(String bankName) {
        this.bankName = bankName;
    }

    @Override
    public Composition compose(AlertContext context) {
        long start = System.nanoTime();
        Texts texts = TEXTS.getOrDefault(context.languageOrDefault(), TEXTS.get("en"));
        // a credit to the card (core banking's negative amount) is a refund of that amount, not a negative payment
        boolean refund = context.amount().signum() < 0;
        String amount = context.currency() + " "
                + context.amount().abs().setScale(2, RoundingMode.HALF_UP).toPlainString();
        String where;
        if (context.merchantCity() != null && context.merchantCity().strip().equalsIgnoreCase("ONLINE")) {
            where = texts.online();
        } else if (UntrustedText.isPlainPlaceName(context.merchantCity())) {
            where = texts.inCity().formatted(context.merchantCity().strip());
        } else {
            where = texts.somewhere();
        }
        String merchant = MerchantCategories.describe(context.mcc());
        String when = WHEN.format(context.transactionTime());
        boolean sms = context.channel() == MessageChannel.SMS;
        String body = (sms ? texts.sms() : texts.email())
                .formatted(bankName, amount, merchant, where, when, refund ? texts.refund() : texts.payment());
        return new Composition(
                context.channel(),
                sms ? null : texts.emailSubject(),
                body,
                NAME,
                null,
                0,
                0,
                (System.nanoTime() - start) / 1_000_000,
                null);
    }
}
