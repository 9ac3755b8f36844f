"""French translations of the interface, applied to locale/fr with `python tools/translations_fr.py`.

Kept as data beside the .po file so that a new string without French fails the completeness test
(tests/test_translations.py) until it is added here.
"""

from __future__ import annotations

from pathlib import Path

import polib

FR: dict[str, str | list[str]] = {
    "Token name": "Nom du jeton",
    "What the token is for": "À quoi sert le jeton",
    "Secretariat": "Secrétariat",
    "Liaison official": "Responsable de liaison",
    "Organization member": "Membre du personnel de l'organisation",
    "Research partner": "Partenaire de recherche",
    "Observer": "Observateur",
    "Secretariat accounts belong to the United Nations.": "Les comptes du Secrétariat relèvent de l'Organisation des Nations Unies.",
    "The user name %(name)s is taken.": "Le nom d'utilisateur %(name)s est déjà pris.",
    "Give the token a name.": "Donnez un nom au jeton.",
    "Too many attempts": "Trop de tentatives",
    "Sign-in is paused for this account after several wrong passwords. Try again in 15 minutes, or ask the secretariat.": "La connexion à ce compte est suspendue après plusieurs mots de passe erronés. Réessayez dans 15 minutes ou adressez-vous au secrétariat.",
    "Your account": "Votre compte",
    "User name": "Nom d'utilisateur",
    "Organization": "Organisation",
    "Role": "Rôle",
    "API tokens": "Jetons d'API",
    "Your new token. Copy it now: it will not be shown again.": "Votre nouveau jeton. Copiez-le maintenant : il ne sera plus affiché.",
    "Name": "Nom",
    "Starts with": "Commence par",
    "Created": "Créé le",
    "Last used": "Dernière utilisation",
    "State": "État",
    "Revoked": "Révoqué",
    "Revoke": "Révoquer",
    "No tokens yet.": "Aucun jeton pour l'instant.",
    "Issue a token": "Créer un jeton",
    "Sign in": "Se connecter",
    "Password": "Mot de passe",
    "The token is revoked.": "Le jeton est révoqué.",
    "Working groups": "Groupes de travail",
    "The six working groups whose proposals the sixth high-level meeting endorsed, with modifications agreed upon at the meeting.": "Les six groupes de travail dont la sixième réunion de haut niveau a approuvé les propositions, avec les modifications convenues lors de la réunion.",
    "Source": "Source",
    "As of": "À la date du",
    "Membership on this day": "Composition à cette date",
    "Choose a day between 1900 and 2200.": "Choisissez une date entre 1900 et 2200.",
    "Paragraph, article or page within the source": "Paragraphe, article ou page de la source",
    "Who acted, as shown at the time": "Auteur de l'action, tel qu'affiché à ce moment",
    "On behalf of which organization": "Au nom de quelle organisation",
    "Audit trail": "Journal d'audit",
    "Every write made through Interlock's services, newest first. The trail cannot be changed or deleted.": "Toutes les écritures effectuées par les services d'Interlock, les plus récentes en premier. Le journal ne peut être ni modifié ni supprimé.",
    "When (UTC)": "Quand (UTC)",
    "Who": "Qui",
    "On behalf of": "Au nom de",
    "Action": "Action",
    "What": "Quoi",
    "Changes": "Modifications",
    "Nothing recorded yet.": "Rien n'a encore été consigné.",
    "Home": "Accueil",
    "The partnership for a more secure world": "Le partenariat pour un monde plus sûr",
    "Interlock is the working platform of the United Nations and %(counter)s regional and other intergovernmental organization.": [
        "Interlock est la plateforme de travail de l'Organisation des Nations Unies et de %(counter)s organisation régionale ou autre organisation intergouvernementale.",
        "Interlock est la plateforme de travail de l'Organisation des Nations Unies et de %(counter)s organisations régionales et autres organisations intergouvernementales.",
    ],
    "Organizations": "Organisations",
    "The registry: kinds, Charter basis, member states on any date, liaison officials.": "Le registre : catégories, fondement dans la Charte, États membres à toute date, responsables de liaison.",
    "Meetings": "Réunions",
    "High-level meetings and their delegations.": "Les réunions de haut niveau et leurs délégations.",
    "The six working groups whose proposals the sixth meeting endorsed.": "Les six groupes de travail dont la sixième réunion a approuvé les propositions.",
    "Latest meetings": "Dernières réunions",
    "Sixth, seventh, …": "Sixième, septième…",
    "Delegations at the level of head of organization, as the record reports them": "Délégations au niveau du chef de l'organisation, selon le compte rendu",
    "Head of organization": "Chef de l'organisation",
    "Below head of organization": "En deçà du chef de l'organisation",
    "Unknown": "Inconnu",
    "Theme": "Thème",
    "Dates": "Dates",
    "Venue": "Lieu",
    "Record symbol": "Cote du compte rendu",
    "Attendance": "Participation",
    "Figure": "Chiffre",
    "Reported in the record": "Indiqué dans le compte rendu",
    "Counted from the delegations recorded here": "Compté d'après les délégations enregistrées ici",
    "Participating organizations": "Organisations participantes",
    "At the level of head of organization": "Au niveau du chef de l'organisation",
    "%(confirmed)s confirmed; level unknown for %(unknown)s": "%(confirmed)s confirmées ; niveau inconnu pour %(unknown)s",
    "The record gives the number of delegations at the level of head of organization but not which they were. Their level is stored as unknown until a cited public record says otherwise.": "Le compte rendu donne le nombre de délégations au niveau du chef de l'organisation, mais pas lesquelles. Leur niveau est enregistré comme inconnu tant qu'une source publique citée n'en dit pas davantage.",
    "Delegations": "Délégations",
    "Level": "Niveau",
    "Note": "Note",
    "High-level meetings": "Réunions de haut niveau",
    "Meeting": "Réunion",
    "No meetings recorded.": "Aucune réunion enregistrée.",
    "No meeting with this number.": "Aucune réunion ne porte ce numéro.",
    "Name or acronym": "Nom ou sigle",
    "All kinds": "Toutes catégories",
    "Kind": "Catégorie",
    "Any Charter basis": "Tout fondement dans la Charte",
    "Charter basis": "Fondement dans la Charte",
    "Members in region": "Membres dans la région",
    "Any region": "Toute région",
    "Title": "Titre",
    "Starts on": "Prend effet le",
    "Replaces the current liaison official (their appointment ends that day)": "Remplace le responsable de liaison actuel (son mandat prend fin ce jour-là)",
    "day": "jour",
    "month": "mois",
    "year": "année",
    "on or before": "au plus tard le",
    "The United Nations": "L'Organisation des Nations Unies",
    "Regional organization": "Organisation régionale",
    "Subregional organization": "Organisation sous-régionale",
    "Other intergovernmental organization": "Autre organisation intergouvernementale",
    "Chapter VIII (regional arrangement)": "Chapitre VIII (accord régional)",
    "Other Charter provisions": "Autres dispositions de la Charte",
    "The Charter itself": "La Charte elle-même",
    "Blank: unknown": "Vide : inconnu",
    "Whether the dated list of members is loaded. Without it, member counts are unknown.": "Indique si la liste datée des membres est chargée. Sans elle, le nombre de membres est inconnu.",
    "Member": "Membre",
    "Member (suspended)": "Membre (suspendu)",
    "Associate member": "Membre associé",
    "This organization already has a liaison official.": "Cette organisation a déjà un responsable de liaison.",
    "Name the liaison official.": "Indiquez le nom du responsable de liaison.",
    "The liaison official must belong to the organization.": "Le responsable de liaison doit appartenir à l'organisation.",
    "%(organization)s already has a liaison official (%(name)s). End that appointment or replace it.": "%(organization)s a déjà un responsable de liaison (%(name)s). Mettez fin à ce mandat ou remplacez-le.",
    "The new appointment cannot start before the current one.": "Le nouveau mandat ne peut pas commencer avant le mandat en cours.",
    "%(organization)s already has a liaison official.": "%(organization)s a déjà un responsable de liaison.",
    "This appointment has already ended.": "Ce mandat a déjà pris fin.",
    "An appointment cannot end before it starts.": "Un mandat ne peut pas finir avant d'avoir commencé.",
    "This appointment was ended by someone else meanwhile.": "Quelqu'un d'autre a mis fin à ce mandat entre-temps.",
    "Someone else changed this profile while you were editing it. Reload and retry.": "Quelqu'un d'autre a modifié ce profil pendant que vous le modifiiez. Rechargez la page et recommencez.",
    "by %(day)s (exact date not recorded)": "au plus tard le %(day)s (date exacte non enregistrée)",
    "%(counter)s organization, members as of %(day)s.": [
        "%(counter)s organisation, membres au %(day)s.",
        "%(counter)s organisations, membres au %(day)s.",
    ],
    "Headquarters": "Siège",
    "Members": "Membres",
    "The member list is not recorded yet": "La liste des membres n'est pas encore enregistrée",
    "No organization matches these filters.": "Aucune organisation ne correspond à ces filtres.",
    "Membership footprint by region": "Répartition des membres par région",
    "Member states in each UN M49 region on %(day)s. Darker cells hold more members.": "États membres dans chaque région M49 de l'ONU au %(day)s. Plus la case est foncée, plus les membres sont nombreux.",
    "Website": "Site Web",
    "since %(day)s": "depuis le %(day)s",
    "No liaison official is recorded.": "Aucun responsable de liaison n'est enregistré.",
    "Who held the post": "Titulaires successifs",
    "present": "aujourd'hui",
    "Appoint a liaison official": "Nommer un responsable de liaison",
    "Appoint": "Nommer",
    "Member states": "États membres",
    "Show": "Afficher",
    "The dated list of members of this organization is not recorded yet, so its membership on any date is unknown.": "La liste datée des membres de cette organisation n'est pas encore enregistrée : sa composition à toute date est donc inconnue.",
    "%(counter)s member state on %(day)s.": [
        "%(counter)s État membre au %(day)s.",
        "%(counter)s États membres au %(day)s.",
    ],
    "Member states by region": "États membres par région",
    "ISO code": "Code ISO",
    "Region": "Région",
    "Status": "Statut",
    "Since": "Depuis",
    "No member states on this day.": "Aucun État membre à cette date.",
    "Full membership history": "Historique complet de la composition",
    "From": "Du",
    "Until": "Au",
    "High-level meetings attended": "Réunions de haut niveau auxquelles l'organisation a participé",
    "level": "niveau",
    "Filter organizations": "Filtrer les organisations",
    "Filter": "Filtrer",
    "No organization with this acronym.": "Aucune organisation ne porte ce sigle.",
    "The liaison official is appointed.": "Le responsable de liaison est nommé.",
    "English": "Anglais",
    "French": "Français",
    "Arabic": "Arabe",
    "Spanish": "Espagnol",
    "Russian": "Russe",
    "Chinese": "Chinois",
    "Not allowed": "Non autorisé",
    "You may not do this.": "Vous n'êtes pas autorisé à faire ceci.",
    "Not found": "Introuvable",
    "There is nothing here, or nothing you may see.": "Il n'y a rien ici, ou rien que vous puissiez voir.",
    "Pages": "Pages",
    "Previous": "Précédente",
    "Page %(number)s of %(total)s": "Page %(number)s sur %(total)s",
    "Next": "Suivante",
    "Skip to content": "Aller au contenu",
    "Main": "Principal",
    "Sign out": "Se déconnecter",
    "Language": "Langue",
    "Change": "Changer",
    "Interlock runs the mechanism agreed at the sixth high-level meeting between the United Nations and regional and other intergovernmental organizations (New York, 25–26 July 2005).": "Interlock fait fonctionner le mécanisme convenu lors de la sixième réunion de haut niveau entre l'Organisation des Nations Unies et les organisations régionales et autres organisations intergouvernementales (New York, 25 et 26 juillet 2005).",
    "API": "API",
}

LOCALE = Path(__file__).resolve().parent.parent / "src" / "interlock" / "locale"


def apply() -> list[str]:
    """Fill locale/fr from FR and compile it; return the msgids still missing."""
    path = LOCALE / "fr" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(path))
    missing = []
    for entry in po:
        value = FR.get(entry.msgid)
        if value is None:
            missing.append(entry.msgid)
            continue
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        if entry.msgid_plural:
            singular, plural = value if isinstance(value, list) else [value, value]
            entry.msgstr_plural = {0: singular, 1: plural}
        else:
            entry.msgstr = value if isinstance(value, str) else value[0]
    po.metadata["Language"] = "fr"
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n > 1);"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    po.save(str(path))
    po.save_as_mofile(str(path.with_suffix(".mo")))
    return missing


if __name__ == "__main__":
    left = apply()
    print("missing:", left if left else "none")
