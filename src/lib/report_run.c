/* The parameters, policies, sources and notes of a run, shared by every
 * report. JSON keeps the machine values; people read Dutch words with the
 * option value beside them (§7.16). */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "report_run.h"

const char *sw__policy_text(sw_report *r, sw_policy p, int v)
{
    return sw__printf(r, "%s (%s)", sw_policy_label(p, v), sw_policy_value_name(p, v));
}

/* Prose goes into every form, CSV too: a plain space after the euro sign
 * and before the percent sign rather than the no-break space of table cells. */
static const char *prose(sw_report *r, char *buf)
{
    char *nbsp = strstr(buf, "\xC2\xA0");
    if (nbsp) {
        *nbsp = ' ';
        memmove(nbsp + 1, nbsp + 2, strlen(nbsp + 2) + 1);
    }
    return sw__str(r, buf);
}

const char *sw__money_text(sw_report *r, int64_t cents)
{
    char buf[128];
    sw_column c = {.kind = SW_KIND_MONEY};
    sw_value v = {.set = true, .i = cents};
    sw_format_human(buf, sizeof buf, &c, &v);
    return prose(r, buf);
}

const char *sw__percent_text(sw_report *r, sw_i128 num, sw_i128 den)
{
    char buf[128];
    sw_column c = {.kind = SW_KIND_PERCENT, .places = 2, .rounding = SW_ROUND_DECIMAL_HALF_UP};
    sw_value v = sw__fraction(num, den);
    sw_format_human(buf, sizeof buf, &c, &v);
    return prose(r, buf);
}

const char *sw__count_text(sw_report *r, int64_t n)
{
    char buf[128];
    sw_column c = {.kind = SW_KIND_COUNT};
    sw_value v = {.set = true, .i = n};
    return sw__str(r, sw_format_human(buf, sizeof buf, &c, &v));
}

static const char *amv_rule(sw_report *r, const sw_allocation *a, bool human)
{
    if (!a->has_amv)
        return "geen amv-aantal bekend";
    const char *lr = human ? "grootste overschot (largest-remainder)" : "largest-remainder";
    const char *hu = human ? "half naar boven (half-up)" : "half-up";
    if (a->mode == SW_MODE_NATIONAL)
        return a->amv_afronding == SW_ROUND_LARGEST_REMAINDER
                   ? sw__printf(r, "%s: A verdeeld naar rato van de opgave", lr)
                   : sw__printf(r, "%s: amv = afgerond(opgave \xC3\x97 A / C)", hu);
    if (a->amv_override)
        return sw__printf(r, "%s: amv = afgerond(opgave \xC3\x97 A / C), met A uit --amv "
                             "(de provinciale amv-cijfers van de cyclus zijn vervangen)", hu);
    if (a->amv_afronding == SW_ROUND_HALF_UP)
        return sw__printf(r, "%s: amv = afgerond(opgave \xC3\x97 A / C), ook waar een "
                             "provinciaal amv-cijfer bekend is", hu);
    return sw__printf(r, "%s van het provinciale amv-cijfer van de cyclus waar dat "
                         "bekend is, anders %s: afgerond(opgave \xC3\x97 A / C)", lr, hu);
}

void sw__allocation_meta(sw_report *r, const sw_allocation *a, const sw_register *reg,
                         const sw_cycle *cy, const sw_report_context *ctx)
{
    size_t from = r->nmeta;
    sw__meta_text(r, "programma", "Programma", sw__printf(r, "spreiding %s", ctx->version));
    sw__meta_appendix(r, from);
    sw__meta(r, "cyclus", "Cyclus", SW_KIND_COUNT, sw__count(cy->jaar), sw__printf(r, "%lld", (long long)cy->jaar));
    bool prov = a->mode == SW_MODE_PROVINCIAL;
    sw__meta(r, "modus", "Modus", SW_KIND_TEXT,
             sw__text(prov ? "provincial (de provinciale opgaven van de cyclus, per "
                             "provincie verdeeld)"
                           : "national (capaciteitsraming over alle gemeenten verdeeld)"),
             sw__printf(r, "%s: %s", sw__policy_text(r, SW_POLICY_MODE, a->mode),
                        prov ? "de provinciale opgaven van de cyclus, per provincie "
                               "verdeeld"
                             : "de capaciteitsraming over alle gemeenten verdeeld"));
    sw__meta(r, "weging", "Weging", SW_KIND_TEXT,
             sw__text(sw_policy_value_name(SW_POLICY_WEGING, a->weging)),
             sw__policy_text(r, SW_POLICY_WEGING, a->weging));
    sw__meta_text(r, "ses_woa", "SES-WOA",
                  a->weging == SW_WEGING_INWONERS_SES
                      ? sw__printf(r, "gebruikt: %zu van %zu gemeenten met score", a->ses_count,
                                   a->n)
                      : "niet gebruikt");
    sw__meta(r, "ses_ontbrekend", "SES ontbrekend", SW_KIND_TEXT,
             sw__text(sw_policy_value_name(SW_POLICY_SES_ONTBREKEND, a->ses_ontbrekend)),
             sw__policy_text(r, SW_POLICY_SES_ONTBREKEND, a->ses_ontbrekend));
    sw__meta(r, "afronding", "Afronding", SW_KIND_TEXT,
             sw__text(prov ? "largest-remainder (binnen elke provincie)"
                           : sw_policy_value_name(SW_POLICY_AFRONDING, a->afronding)),
             prov ? "grootste overschot (largest-remainder), binnen elke provincie"
                  : sw__policy_text(r, SW_POLICY_AFRONDING, a->afronding));
    sw__meta(r, "amv_afronding", "amv-afronding", SW_KIND_TEXT, sw__text(amv_rule(r, a, false)),
             amv_rule(r, a, true));
    sw__meta_count(r, "capaciteit", "Capaciteit (C)", a->capaciteit);
    sw__meta(r, "amv", "amv (A)", SW_KIND_COUNT, a->has_amv ? sw__count(a->amv) : sw__empty(),
             a->has_amv ? NULL : "niet bekend");
    sw__meta_count(r, "totaal_opgave", "Som opgaven", a->totaal);
    sw__meta(r, "totaal_amv", "Som amv", SW_KIND_COUNT,
             a->has_amv ? sw__count(a->totaal_amv) : sw__empty(), a->has_amv ? NULL : "-");
    for (size_t i = 0; a->mode == SW_MODE_PROVINCIAL && i < cy->nparam; i++)
        if (strncmp(cy->param[i].naam, "provincie.", 10) == 0 &&
            strstr(cy->param[i].naam, ".opgave")) {
            sw__meta_text(
                r, "provinciale_opgaven_bron", "Provinciale opgaven, bron",
                sw__printf(r, "%s: %s", sw_status_name(cy->param[i].status), cy->param[i].bron));
            break;
        }
    from = r->nmeta;
    sw__meta_text(r, "cyclus_bestand", "Cyclusbestand", ctx->cycle_file);
    sw__meta_text(r, "gemeenten_bestand", "Gemeentenbestand", ctx->register_file);
    sw__meta_text(r, "ses_bestand", "SES-bestand", ctx->ses_file ? ctx->ses_file : reg->ses_file);
    sw__meta_appendix(r, from);
    if (ctx->provincie) {
        const sw_provincie *p = sw_cycle_find_provincie(cy, ctx->provincie);
        sw__meta_text(r, "provincie", "Alleen provincie",
                      sw__printf(r, "PV%02d %s", ctx->provincie, p ? p->naam : ""));
    }
}

void sw__input_meta(sw_report *r, const sw_report_context *ctx)
{
    size_t from = r->nmeta;
    for (size_t i = 0; i < ctx->ninputs; i++)
        sw__meta_text(r, sw__printf(r, "sha256_%zu", i + 1),
                      sw__printf(r, "SHA-256 %s", ctx->input_name[i]), ctx->input_sha256[i]);
    sw__meta_appendix(r, from);
}

/* §7.18: what the cycle does not know yet, and where to give it. */
static void missing_notes(sw_report *r, const sw_allocation *a, const sw_cycle *cy)
{
    if (!sw_cycle_has_opgaven(cy))
        sw__note(r, SW_NOTE_WARNING,
                 "Cyclus %lld heeft in deze gegevens geen provinciale "
                 "opgaven, dus is de opgave %s berekend: de capaciteitsraming (%s) over alle "
                 "gemeenten. De gepubliceerde opgave gaat voor: geef de opgave per gemeente met "
                 "--opgave BESTAND (gemeentecode,opgave), of vul de provinciale opgaven in een "
                 "cyclusbestand ('spreiding cycle --cycle %lld -o cyclus.csv') en geef dat met "
                 "--cycle-file.",
                 (long long)cy->jaar,
                 a->mode == SW_MODE_NATIONAL ? "landelijk (national)" : "provinciaal",
                 sw__count_text(r, a->capaciteit), (long long)cy->jaar);
    if (!a->has_amv)
        sw__note(r, SW_NOTE_INFO,
                 "Het amv-deel van cyclus %lld is niet bekend: de amv-kolommen blijven leeg. "
                 "Vul het in het cyclusbestand in (parameter amv) of geef --amv N.",
                 (long long)cy->jaar);
}

/* §7.12: where a national table's figures came from, and what of it was
 * skipped. */
static void figures_notes(sw_report *r, const sw_figures *f, const char *what)
{
    if (!f)
        return;
    const char *how = f->by_name ? "; gemeenten gevonden op hun naam (de download heeft geen "
                                   "regiocode)" : "";
    sw__note(r, SW_NOTE_INFO, "%s uit %s, kolom '%s'%s%s%s.", what, f->file,
             f->kolom ? f->kolom : "?", f->periode_text ? ", periode " : "",
             f->periode_text ? f->periode_text : "", how);
    if (f->nskipped_codes) {
        const char *list = "";
        size_t shown = f->nskipped_codes < 30 ? f->nskipped_codes : 30;
        for (size_t i = 0; i < shown; i++)
            list = sw__printf(r, "%s%sGM%04d", list, i ? ", " : "", f->skipped_code[i]);
        sw__note(r, SW_NOTE_INFO,
                 "%zu gemeentecode%s in %s staat niet in het register (een voormalige gemeente?) "
                 "en is overgeslagen: %s%s.", f->nskipped_codes,
                 f->nskipped_codes == 1 ? "" : "s", f->file, list,
                 f->nskipped_codes > shown
                     ? sw__printf(r, " en %zu meer", f->nskipped_codes - shown) : "");
    }
    if (f->nskipped_names && f->skipped_names_listed) {
        const char *list = "";
        size_t shown = f->nskipped_names < 30 ? f->nskipped_names : 30;
        for (size_t i = 0; i < shown; i++)
            list = sw__printf(r, "%s%s'%s'", list, i ? ", " : "", f->skipped_name[i]);
        sw__note(r, SW_NOTE_INFO,
                 "%zu regionaam/-namen in %s horen bij geen gemeente van het register en zijn "
                 "overgeslagen: %s%s.", f->nskipped_names, f->file, list,
                 f->nskipped_names > shown
                     ? sw__printf(r, " en %zu meer", f->nskipped_names - shown) : "");
    } else if (f->nskipped_names) {
        sw__note(r, SW_NOTE_INFO,
                 "%zu regionamen in %s horen bij geen gemeente van het register (wijken en "
                 "buurten) en zijn overgeslagen.", f->nskipped_names, f->file);
    }
}

void sw__allocation_notes(sw_report *r, const sw_allocation *a, const sw_cycle *cy,
                          const sw_report_context *ctx)
{
    missing_notes(r, a, cy);
    figures_notes(r, ctx->inwoners, "De inwonertallen komen");
    figures_notes(r, ctx->ses, "De SES-WOA-scores komen");
    if (a->weging == SW_WEGING_INWONERS)
        sw__note(r, SW_NOTE_WARNING,
                 "Zonder SES-WOA: verdeeld naar inwonertal alleen, niet naar de wettelijke "
                 "sleutel inwoners \xC3\x97 (1 + score). Geef de scores met --ses BESTAND "
                 "(CBS StatLine 86092NED of 85900NED, of gemeentecode,ses_woa).");
    if (a->ses_nul_count)
        sw__note(r, SW_NOTE_WARNING,
                 "%zu gemeenten hebben geen SES-WOA-score; volgens --ses-ontbrekend nul is "
                 "voor hen score 0 gebruikt.", a->ses_nul_count);
    if (a->mode == SW_MODE_NATIONAL && a->totaal != a->capaciteit)
        sw__note(r, SW_NOTE_INFO,
                 "Afronding half naar boven per gemeente zonder correctie: de som van de "
                 "opgaven (%s) wijkt %s%s af van de capaciteit (%s).",
                 sw__count_text(r, a->totaal), a->totaal > a->capaciteit ? "+" : "-",
                 sw__printf(r, "%s", sw__count_text(r, a->totaal > a->capaciteit
                                                           ? a->totaal - a->capaciteit
                                                           : a->capaciteit - a->totaal)),
                 sw__count_text(r, a->capaciteit));
    if (a->amv_override && a->mode == SW_MODE_PROVINCIAL)
        sw__note(r, SW_NOTE_INFO,
                 "--amv vervangt het amv-deel van de cyclus; de provinciale amv-cijfers van de "
                 "cyclus zijn daarom niet gebruikt: amv per gemeente = afgerond(opgave \xC3\x97 "
                 "A / C).");
    else if (a->mode == SW_MODE_PROVINCIAL && a->amv_afronding == SW_ROUND_LARGEST_REMAINDER)
        for (size_t p = 0; p < a->nprov; p++)
            if (!a->prov[p].official_amv && a->has_amv)
                sw__note(r, SW_NOTE_INFO,
                         "PV%02d %s heeft geen provinciaal amv-cijfer in de cyclus: daar is amv per gemeente "
                         "half naar boven berekend.", a->prov[p].code, a->prov[p].naam);
    if (a->mode == SW_MODE_PROVINCIAL && a->totaal != cy->capaciteit)
        sw__note(r, SW_NOTE_WARNING,
                 "De provinciale opgaven van de cyclus tellen op tot %s, de "
                 "capaciteitsraming is %s.", sw__count_text(r, a->totaal),
                 sw__count_text(r, cy->capaciteit));
    if (a->mode == SW_MODE_PROVINCIAL)
        for (size_t i = 0; i < cy->nparam; i++)
            if (cy->param[i].status == SW_STATUS_GERAPPORTEERD &&
                strncmp(cy->param[i].naam, "provincie.", 10) == 0 &&
                strstr(cy->param[i].naam, ".opgave")) {
                /* The warning says what to doubt, the parameters say where the
                 * figures come from. */
                sw__note(r, SW_NOTE_WARNING,
                         "De provinciale opgaven zijn gerapporteerd, niet officieel; hun bron "
                         "staat bij de parameters.");
                break;
            }
}

static const struct {
    int index;
    const char *key, *label, *short_label;
} tariffs[] = {
    {SW_TARIEF_LID3_DUURZAAM, "tarief_lid3_duurzaam", "Tarief lid 3, duurzaam", "lid 3 duurzaam"},
    {SW_TARIEF_LID3_NIET_DUURZAAM, "tarief_lid3_niet_duurzaam", "Tarief lid 3, niet duurzaam",
     "lid 3 niet duurzaam"},
    {SW_TARIEF_LID2B_DUURZAAM, "tarief_lid2b_duurzaam", "Tarief lid 2 sub b, duurzaam",
     "lid 2 sub b"},
};

void sw__counting_meta(sw_report *r, const sw_progress *p)
{
    sw__meta_count(r, "duurzaam_jaren", "Duurzaam vanaf (jaren)", p->duurzaam_jaren);
    sw__meta(r, "aanmeld_telt", "Aanmeldcentra tellen mee", SW_KIND_YESNO,
             sw__yesno(p->aanmeld_telt == SW_JA), NULL);
    sw__meta(r, "telt_alleen_duurzaam", "Alleen duurzame plaatsen tellen mee", SW_KIND_YESNO,
             sw__yesno(p->telt_alleen_duurzaam == SW_JA), NULL);
    sw__meta_count(r, "minimum_plaatsen", "Minimum plaatsen per locatie", p->minimum_plaatsen);
    sw__meta(r, "beschikbaar_tot", "Getelde plaatsen beschikbaar tot minstens", SW_KIND_DATE,
             p->has_beschikbaar_tot ? sw__date(p->beschikbaar_tot) : sw__empty(),
             p->has_beschikbaar_tot ? NULL : "geen eis");
}

void sw__kso_max_meta(sw_report *r, const sw_progress *p, const sw_cycle *cy)
{
    sw__meta_count(r, "kso_max_plaatsen", "Kleinschalig: ten hoogste (plaatsen)",
                   p->kso_max_plaatsen);
    const sw_param *par = sw_cycle_param(cy, "kso-max-plaatsen");
    const char *status;
    if (p->kso_max_opgegeven)
        status = sw__printf(r, "opgegeven met --kso-max-plaatsen (de cyclus zegt %lld)",
                            (long long)cy->kso_max_plaatsen);
    else if (par)
        status = sw__printf(r, "%s (%s)", sw_status_name(par->status), par->bron);
    else
        status = "beleid (standaard van spreiding; het cyclusbestand noemt geen "
                 "kso-max-plaatsen)";
    sw__meta_text(r, "kso_max_plaatsen_status", "Kleinschalig: herkomst", status);
}

void sw__run_meta(sw_report *r, const sw_progress *p, const sw_grants *g,
                  const sw_allocation *a, const sw_register *reg, const sw_cycle *cy,
                  const sw_report_context *ctx)
{
    if (a) {
        sw__allocation_meta(r, a, reg, cy, ctx);
        sw__meta_text(r, "opgave", "Opgave", "de verdeling van deze run (zie modus)");
    } else {
        size_t from = r->nmeta;
        sw__meta_text(r, "programma", "Programma", sw__printf(r, "spreiding %s", ctx->version));
        sw__meta_appendix(r, from);
        sw__meta(r, "cyclus", "Cyclus", SW_KIND_COUNT, sw__count(cy->jaar), sw__printf(r, "%lld", (long long)cy->jaar));
        sw__meta_text(r, "opgave", "Opgave",
                      sw__printf(r, "opgavebestand %s: %zu van %zu gemeenten",
                                 ctx->opgave_file ? ctx->opgave_file : "", p->opgave->in_run,
                                 reg->n));
        from = r->nmeta;
        sw__meta_text(r, "cyclus_bestand", "Cyclusbestand", ctx->cycle_file);
        sw__meta_text(r, "gemeenten_bestand", "Gemeentenbestand", ctx->register_file);
        sw__meta_appendix(r, from);
    }
    size_t from = r->nmeta;
    sw__meta_text(r, "locaties_bestand", "Locatiebestand", ctx->locaties_file);
    sw__meta_appendix(r, from);
    sw__meta(r, "peildatum", "Peildatum", SW_KIND_DATE, sw__date(p->peildatum), NULL);
    sw__meta_count(r, "drempel_pct", "Drempel (%)", p->drempel_pct);
    sw__counting_meta(r, p);
    sw__kso_max_meta(r, p, cy);
    sw__meta(r, "include_planned", "Geplande plaatsen meegeteld", SW_KIND_YESNO,
             sw__yesno(p->include_planned), NULL);
    sw__meta(r, "scenario", "Scenario", SW_KIND_YESNO, sw__yesno(p->scenario), NULL);
    sw_lid3 lid3 = g ? g->lid3 : cy->lid3;
    sw_grondslag grondslag = g ? g->grondslag : cy->lid3_grondslag;
    sw__meta(r, "lid3", "Beleid lid 3", SW_KIND_TEXT,
             sw__text(sw_policy_value_name(SW_POLICY_LID3, lid3)),
             sw__policy_text(r, SW_POLICY_LID3, lid3));
    sw__meta(r, "lid3_grondslag", "Grondslag lid 3", SW_KIND_TEXT,
             sw__text(sw_policy_value_name(SW_POLICY_LID3_GRONDSLAG, grondslag)),
             sw__policy_text(r, SW_POLICY_LID3_GRONDSLAG, grondslag));
    sw__meta(r, "lid2b_minimum", "Minimum lid 2 sub b (duurzame plaatsen)", SW_KIND_COUNT,
             cy->has_lid2b_minimum ? sw__count(cy->lid2b_minimum) : sw__empty(),
             cy->has_lid2b_minimum ? NULL : "niet bekend");
    sw__input_meta(r, ctx);
    for (size_t k = 0; k < sizeof tariffs / sizeof tariffs[0]; k++) {
        const sw_tariff *t = &cy->tarief[tariffs[k].index];
        sw__meta(r, tariffs[k].key, tariffs[k].label, SW_KIND_MONEY,
                 t->param ? sw__money(t->cents) : sw__empty(), t->param ? NULL : "niet bekend");
        sw__meta_text(r, sw__printf(r, "%s_status", tariffs[k].key),
                      sw__printf(r, "%s, status", tariffs[k].label),
                      t->param ? sw__printf(r, "%s (%s)", sw_status_name(t->param->status),
                                            t->param->bron)
                               : NULL);
    }
    if (g) {
        sw__meta(r, "totaal_lid3", "Totaal lid 3", SW_KIND_MONEY, sw__money(g->totaal_lid3), NULL);
        sw__meta(r, "totaal_lid2b", "Totaal lid 2 sub b", SW_KIND_MONEY,
                 sw__money(g->totaal_lid2b), NULL);
        sw__meta(r, "totaal", "Totaal", SW_KIND_MONEY, sw__money(g->totaal), NULL);
    }
}

void sw__run_notes(sw_report *r, const sw_progress *p, const sw_grants *g,
                   const sw_allocation *a, const sw_register *reg, const sw_cycle *cy,
                   const sw_report_context *ctx)
{
    if (p->scenario)
        sw__note(r, SW_NOTE_WARNING, "SCENARIO: dit is geen stand op de peildatum.%s",
                 p->include_planned ? " Geplande plaatsen (status gepland) zijn meegeteld." : "");
    for (size_t i = 0; i < reg->n; i++)
        if (p->row[i].what_if)
            sw__note(r, SW_NOTE_WARNING,
                     "SCENARIO: GM%04d (%s) krijgt %s extra getelde, duurzame plaatsen "
                     "(--what-if).", reg->gemeente[i].code, reg->gemeente[i].naam,
                     sw__count_text(r, p->row[i].what_if));
    if (a)
        sw__allocation_notes(r, a, cy, ctx);
    else
        sw__note(r, SW_NOTE_INFO,
                 "De opgave komt uit een opgavebestand: alleen de %zu gemeenten daarin doen "
                 "mee, en de provinciale opgaven zijn hun sommen.", p->opgave->in_run);
    if (!a && p->opgave->amv_computed)
        sw__note(r, SW_NOTE_INFO,
                 "Het opgavebestand heeft geen kolom opgave_amv: het amv-deel is berekend, niet "
                 "gegeven: amv = afgerond(opgave \xC3\x97 %s / %s), met het amv-deel en de "
                 "capaciteitsraming van cyclus %lld.", sw__count_text(r, cy->amv),
                 sw__count_text(r, cy->capaciteit), (long long)cy->jaar);
    if (p->buiten_run)
        sw__note(r, SW_NOTE_INFO,
                 "%zu locaties liggen in gemeenten die niet in het opgavebestand staan; die "
                 "zijn niet meegeteld.", p->buiten_run);
    if (!g && !sw_cycle_can_pay(cy, 0))
        sw__note(r, SW_NOTE_WARNING,
                 "Cyclus %lld heeft nog geen tarieven (of geen minimum voor lid 2 sub b) in "
                 "deze gegevens: de bedragen van art. 9 ontbreken. Vul ze in een cyclusbestand "
                 "in ('spreiding cycle --cycle %lld -o cyclus.csv') en geef dat met "
                 "--cycle-file.", (long long)cy->jaar, (long long)cy->jaar);
    /* One warning for the tariffs that are not checked; their sources are
     * with the parameters. */
    const char *unchecked = "";
    for (size_t k = 0; g && k < sizeof tariffs / sizeof tariffs[0]; k++) {
        const sw_tariff *t = &cy->tarief[tariffs[k].index];
        if (t->param->status != SW_STATUS_OFFICIEEL)
            unchecked = sw__printf(r, "%s%s%s %s", unchecked, unchecked[0] ? ", " : "",
                                   tariffs[k].short_label, sw__money_text(r, t->cents));
    }
    if (unchecked[0])
        sw__note(r, SW_NOTE_WARNING,
                 "Tarieven niet geverifieerd tegen de Regeling specifieke uitkeringen (status "
                 "en bron bij de parameters): %s per plaats.",
                 unchecked);
    if (g && g->grondslag == SW_GRONDSLAG_BUDGET)
        for (size_t k = 0; k < g->nprov; k++)
            if (!g->prov[k].has_budget)
                sw__note(r, SW_NOTE_WARNING,
                         "PV%02d %s heeft geen budget (--budget): geen geld uit lid 3.",
                         p->prov[k].code, p->prov[k].naam);
}

size_t sw__scenario_describe(char *buf, size_t cap, const sw_progress *p,
                             const sw_register *reg)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < reg->n && o < cap; i++)
        if (p->row[i].what_if)
            o += (size_t)snprintf(buf + o, cap - o, "%swhat-if GM%04d=+%lld", o ? "; " : "",
                                  reg->gemeente[i].code, (long long)p->row[i].what_if);
    if (p->include_planned && o < cap)
        o += (size_t)snprintf(buf + o, cap - o, "%sinclude-planned", o ? "; " : "");
    return o < cap ? o : cap - 1;
}

const char *sw__scenario_text(sw_report *r, const sw_progress *p, const sw_register *reg)
{
    if (!p->scenario)
        return NULL;
    /* Up to CLI_MAX_LIST what-ifs of about 30 bytes each. */
    size_t cap = 32 * (reg->n + 2);
    char *buf = sw__alloc(r, cap, 1);
    if (!buf)
        return "";
    sw__scenario_describe(buf, cap, p, reg);
    return buf;
}

const char *sw__scope(sw_report *r, const sw_cycle *cy, int provincie)
{
    const sw_provincie *p = provincie ? sw_cycle_find_provincie(cy, provincie) : NULL;
    r->scope = !provincie ? "Nederland" : p ? p->naam : sw__printf(r, "PV%02d", provincie);
    return provincie ? sw__printf(r, " in %s", r->scope) : "";
}

sw_report *sw__run_report(const char *what, const sw_progress *p, const sw_grants *g,
                          const sw_allocation *a, const sw_register *reg, const sw_cycle *cy,
                          const sw_report_context *ctx)
{
    sw_report *r = sw__report_new();
    if (!r)
        return NULL;
    const char *in = sw__scope(r, cy, ctx->provincie);
    r->title =
        sw__printf(r, "%s%s%s, cyclus %lld, peildatum %d-%d-%04d", p->scenario ? "SCENARIO - " : "",
                   what, in, (long long)cy->jaar, p->peildatum.d, p->peildatum.m, p->peildatum.y);
    r->scenario = sw__scenario_text(r, p, reg);
    r->threshold_pct = p->drempel_pct;
    sw__run_meta(r, p, g, a, reg, cy, ctx);
    sw__run_notes(r, p, g, a, reg, cy, ctx);
    return r;
}
