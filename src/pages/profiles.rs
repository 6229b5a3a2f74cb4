//! « Profils »: the learners of this browser (create, choose, modify,
//! erase the progress or delete, each after retyping the pseudonym), saving (export, import, « dernière
//! sauvegarde », space used), data set aside, and the teacher's class file.
//! Every decision is `core`'s; this page lays it out and calls [`Storage`](crate::storage::Storage).

use communs_core::storage::{
    build_class_file, class_file_name, looks_like_real_name, Profile, ProfileId, Usage, AVATARS, MAX_IMPORT_BYTES,
    MAX_PSEUDONYM_CHARS, PALETTE,
};
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::avatar::{avatar_name, colour_name, Avatar};
use crate::components::download::{download_json, french_date_time, today};
use crate::components::export_reminder::{export_profile_file, ExportButton};
use crate::components::storage_banner::download_quarantine;
use crate::i18n::profiles::{self as msg, ProfileMsg as M};
use crate::i18n::t;
use crate::platform;
use crate::storage::{use_storage, Mode, Persistence};

#[component]
pub fn Profiles() -> impl IntoView {
    platform::set_dynamic_title(t(M::PageTitle));
    let storage = use_storage();
    // The result of the last action, announced politely.
    let (message, set_message) = signal(Ok::<String, String>(String::new()));
    let say = move |m: Said| set_message.set(m);
    let (editing, set_editing) = signal(None::<ProfileId>);
    let (deleting, set_deleting) = signal(None::<(Profile, Erasure)>);
    let dialog = NodeRef::<html::Dialog>::new();

    let open_delete = move |p: Profile, what: Erasure| {
        set_deleting.set(Some((p, what)));
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };

    view! {
        <div class="page page-profils" data-testid="page-profils">
            <h1>{t(M::PageTitle)}</h1>
            <p class="chapeau">{t(M::Intro)}</p>
            <p class="avertissement-partage" data-testid="avertissement-partage">
                <strong>{t(M::SharedWarning)}</strong>
            </p>
            <p
                class="message-action"
                class:message-erreur=move || message.with(Result::is_err)
                role="status"
                data-testid="message-profils"
            >
                {move || message.with(|m| match m {
                    Ok(s) | Err(s) => s.clone(),
                })}
            </p>

            <section aria-labelledby="titre-liste-profils">
                <h2 id="titre-liste-profils">{t(M::ListTitle)}</h2>
                <Show when=move || storage.with_store(|s| s.profiles().is_empty())>
                    <p data-testid="aucun-profil">{t(M::NoProfiles)}</p>
                </Show>
                <ul class="profils" data-testid="liste-profils">
                    <For
                        each=move || storage.profiles()
                        key=|p| (p.id.clone(), p.pseudonym.clone(), p.colour, p.avatar, p.last_export)
                        let:profile
                    >
                        <ProfileItem profile=profile editing set_editing on_delete=open_delete say/>
                    </For>
                </ul>
            </section>

            <CreateProfile say/>

            <section aria-labelledby="titre-sauvegarde" class="bloc">
                <h2 id="titre-sauvegarde">{t(M::SaveTitle)}</h2>
                <p>{t(M::SaveText)}</p>
                <p data-testid="derniere-sauvegarde">
                    {t(M::LastExportLabel)}
                    {move || last_export_text(storage.current_profile().and_then(|p| p.last_export))}
                </p>
                <ExportButton/>
                <ImportProfile say/>
            </section>

            <StorageSpace/>
            <crate::components::storage_areas::StorageAreas/>

            <Show when=move || storage.with_store(|s| !s.quarantined().is_empty())>
                <section aria-labelledby="titre-mis-de-cote" class="bloc" data-testid="section-mis-de-cote">
                    <h2 id="titre-mis-de-cote">{t(M::QuarantineTitle)}</h2>
                    <p>{t(M::QuarantineText)}</p>
                    <button type="button" class="bouton-secondaire" on:click=move |_| download_quarantine()>
                        {t(M::QuarantineDownload)}
                    </button>
                </section>
            </Show>

            <TeacherClassFile/>

            <DeleteDialog dialog deleting set_deleting say/>
        </div>
    }
}

/// « 23 novembre 2026 à 14:05 » or « jamais ».
fn last_export_text(t_: Option<i64>) -> String {
    match t_ {
        Some(ts) => french_date_time(ts),
        None => t(M::LastExportNever).to_string(),
    }
}

/// What the confirmation dialog erases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Erasure {
    /// The profile and everything it did.
    Profile,
    /// Its attempts and progress only: the profile stays.
    Progress,
}

/// One profile of the list, with its actions (or its edit form).
#[component]
fn ProfileItem(
    profile: Profile,
    editing: ReadSignal<Option<ProfileId>>,
    set_editing: WriteSignal<Option<ProfileId>>,
    on_delete: impl Fn(Profile, Erasure) + Copy + Send + Sync + 'static,
    say: impl Fn(Said) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let storage = use_storage();
    let id = StoredValue::new(profile.id.clone());
    let stored = StoredValue::new(profile.clone());
    let is_current = move || storage.with_store(|s| id.with_value(|id| s.current() == Some(id)));
    let is_editing = move || editing.with(|e| id.with_value(|id| e.as_ref() == Some(id)));
    let name = profile.pseudonym.clone();
    let details = msg::look(avatar_name(profile.avatar), colour_name(profile.colour));
    let choose = move |_| match id.with_value(|id| storage.switch_profile(Some(id))) {
        Ok(()) => say(Ok(t(M::Switched).to_string())),
        Err(e) => say(Err(e.message())),
    };
    let export = move |_| say(stored.with_value(|p| export_profile_file(storage, p)));
    let delete = move |_| on_delete(stored.get_value(), Erasure::Profile);
    let erase = move |_| on_delete(stored.get_value(), Erasure::Progress);
    let start_edit = move |_| set_editing.set(Some(id.get_value()));
    let actions = move || {
        let name = stored.with_value(|p| p.pseudonym.clone());
        if is_editing() {
            return view! { <EditProfile profile=stored.get_value() set_editing say/> }.into_any();
        }
        view! {
            <div class="profil-actions">
                <Show when=move || !is_current()>
                    <button type="button" on:click=choose data-testid="choisir">
                        {t(M::Choose)}<span class="sr-only">" " {stored.with_value(|p| p.pseudonym.clone())}</span>
                    </button>
                </Show>
                <button type="button" class="bouton-secondaire" on:click=start_edit data-testid="modifier">
                    {t(M::Edit)}<span class="sr-only">" " {name.clone()}</span>
                </button>
                <button type="button" class="bouton-secondaire" on:click=export data-testid="telecharger-profil">
                    {t(M::ExportThis)}<span class="sr-only">" " {name.clone()}</span>
                </button>
                <button type="button" class="bouton-secondaire" on:click=erase data-testid="effacer-progression">
                    {t(M::Erase)}<span class="sr-only">" " {name.clone()}</span>
                </button>
                <button type="button" class="bouton-danger" on:click=delete data-testid="supprimer">
                    {t(M::Delete)}<span class="sr-only">" " {name.clone()}</span>
                </button>
            </div>
        }
        .into_any()
    };
    view! {
        <li class="profil" class:profil-actuel=is_current data-testid="profil" data-pseudonyme=name.clone()>
            <div class="profil-fiche">
                <Avatar colour=profile.colour avatar=profile.avatar large=true/>
                <div class="profil-texte">
                    <p class="profil-nom">{name.clone()}</p>
                    <p class="profil-details">{details}</p>
                    <p class="profil-details">{t(M::LastExportLabel)}{last_export_text(profile.last_export)}</p>
                    <Show when=is_current>
                        <p class="profil-marque" data-testid="marque-actuel">{t(M::CurrentMarker)}</p>
                    </Show>
                </div>
            </div>
            {actions}
        </li>
    }
}

/// The result of an action, to show: `Ok` for done, `Err` for refused.
type Said = Result<String, String>;

/// The pseudonym field (label, hint, live real-name advice) and the colour
/// and avatar radio groups, shared by creation and modification.
#[component]
fn ProfileFields(
    prefix: &'static str,
    pseudonym: RwSignal<String>,
    colour: RwSignal<u8>,
    avatar: RwSignal<u8>,
    input_ref: NodeRef<html::Input>,
) -> impl IntoView {
    let input_id = format!("{prefix}-pseudonyme");
    let hint_id = format!("{prefix}-pseudonyme-aide");
    let advice_id = format!("{prefix}-pseudonyme-conseil");
    let described = format!("{hint_id} {advice_id}");
    let real_name = move || pseudonym.with(|p| looks_like_real_name(p));
    view! {
        <div class="champ">
            <label for=input_id.clone()>{t(M::PseudonymLabel)}</label>
            <input
                id=input_id
                type="text"
                node_ref=input_ref
                autocomplete="off"
                spellcheck="false"
                maxlength=MAX_PSEUDONYM_CHARS.to_string()
                aria-describedby=described
                data-testid=format!("{prefix}-pseudonyme")
                prop:value=move || pseudonym.get()
                on:input=move |ev| pseudonym.set(event_target_value(&ev))
            />
            <p class="aide" id=hint_id>{t(M::PseudonymHint)}</p>
            <p class="conseil" id=advice_id aria-live="polite" data-testid=format!("{prefix}-conseil")>
                {move || real_name().then(|| t(M::RealNameAdvice))}
            </p>
        </div>
        <fieldset class="choix">
            <legend>{t(M::ColourLegend)}</legend>
            <div class="choix-liste">
                {PALETTE
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let i = i as u8;
                        view! {
                            <label class="choix-option">
                                <input
                                    type="radio"
                                    name=format!("{prefix}-couleur")
                                    value=i.to_string()
                                    prop:checked=move || colour.get() == i
                                    on:change=move |_| colour.set(i)
                                />
                                <span class=format!("pastille avatar-c{i}") aria-hidden="true"></span>
                                <span>{t(c.hue)}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
        <fieldset class="choix">
            <legend>{t(M::AvatarLegend)}</legend>
            <div class="choix-liste">
                {AVATARS
                    .iter()
                    .enumerate()
                    .map(|(i, a)| {
                        let i = i as u8;
                        view! {
                            <label class="choix-option">
                                <input
                                    type="radio"
                                    name=format!("{prefix}-avatar")
                                    value=i.to_string()
                                    prop:checked=move || avatar.get() == i
                                    on:change=move |_| avatar.set(i)
                                />
                                {move || view! { <Avatar colour=colour.get() avatar=i/> }}
                                <span>{t(*a)}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

#[component]
fn CreateProfile(say: impl Fn(Said) + Copy + Send + Sync + 'static) -> impl IntoView {
    let storage = use_storage();
    let pseudonym = RwSignal::new(String::new());
    let colour = RwSignal::new((random_index(PALETTE.len())) as u8);
    let avatar = RwSignal::new((random_index(AVATARS.len())) as u8);
    let input = NodeRef::<html::Input>::new();
    let (error, set_error) = signal(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let name = pseudonym.get_untracked();
        match storage.create_profile(&name, colour.get_untracked(), avatar.get_untracked()) {
            Ok(_) => {
                set_error.set(String::new());
                pseudonym.set(String::new());
                say(Ok(t(M::Created).to_string()));
            }
            Err(e) => {
                set_error.set(e.message());
                if let Some(i) = input.get_untracked() {
                    let _ = i.focus();
                }
            }
        }
    };
    view! {
        <section aria-labelledby="titre-creer" class="bloc">
            <h2 id="titre-creer">{t(M::CreateTitle)}</h2>
            <form class="formulaire-profil" on:submit=submit data-testid="creer-profil" novalidate>
                <ProfileFields prefix="creer" pseudonym colour avatar input_ref=input/>
                <p class="erreur" role="alert" data-testid="creer-erreur">{error}</p>
                <button type="submit">{t(M::CreateButton)}</button>
            </form>
        </section>
    }
}

/// A random index for the default look of a new profile.
fn random_index(n: usize) -> usize {
    (crate::storage::random_u64() % n as u64) as usize
}

#[component]
fn EditProfile(
    profile: Profile,
    set_editing: WriteSignal<Option<ProfileId>>,
    say: impl Fn(Said) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let storage = use_storage();
    let pseudonym = RwSignal::new(profile.pseudonym.clone());
    let colour = RwSignal::new(profile.colour);
    let avatar = RwSignal::new(profile.avatar);
    let input = NodeRef::<html::Input>::new();
    let (error, set_error) = signal(String::new());
    let id = profile.id.clone();
    Effect::new(move |_| {
        if let Some(i) = input.get() {
            let _ = i.focus();
        }
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let result = storage
            .rename_profile(&id, &pseudonym.get_untracked())
            .and_then(|()| storage.restyle_profile(&id, colour.get_untracked(), avatar.get_untracked()));
        match result {
            Ok(()) => {
                set_editing.set(None);
                say(Ok(t(M::Saved).to_string()));
            }
            Err(e) => set_error.set(e.message()),
        }
    };
    let prefix: &'static str = Box::leak(format!("modifier-{}", profile.id.as_str()).into_boxed_str());
    view! {
        <form class="formulaire-profil formulaire-modifier" on:submit=submit data-testid="modifier-profil" novalidate>
            <p class="formulaire-titre">{t(M::EditTitle)}</p>
            <ProfileFields prefix pseudonym colour avatar input_ref=input/>
            <p class="erreur" role="alert">{error}</p>
            <div class="profil-actions">
                <button type="submit" data-testid="enregistrer">{t(M::Save)}</button>
                <button type="button" class="bouton-secondaire" on:click=move |_| set_editing.set(None)>
                    {t(M::Cancel)}
                </button>
            </div>
        </form>
    }
}

/// The confirmation dialog of a deletion or of « Effacer ma progression »:
/// the pseudonym must be retyped.
#[component]
fn DeleteDialog(
    dialog: NodeRef<html::Dialog>,
    deleting: ReadSignal<Option<(Profile, Erasure)>>,
    set_deleting: WriteSignal<Option<(Profile, Erasure)>>,
    say: impl Fn(Said) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let storage = use_storage();
    let typed = RwSignal::new(String::new());
    let (error, set_error) = signal(String::new());
    let close = move || {
        typed.set(String::new());
        set_error.set(String::new());
        set_deleting.set(None);
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let confirm = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some((p, what)) = deleting.get_untracked() else { return close() };
        let retyped = typed.get_untracked().split_whitespace().collect::<Vec<_>>().join(" ");
        if retyped != p.pseudonym {
            set_error.set(t(if what == Erasure::Profile { M::DeleteMismatch } else { M::EraseMismatch }).to_string());
            return;
        }
        let (done, result) = match what {
            Erasure::Profile => (M::Deleted, storage.delete_profile(&p.id)),
            Erasure::Progress => (M::Erased, storage.erase_progress(&p.id)),
        };
        match result {
            Ok(()) => {
                close();
                say(Ok(t(done).to_string()));
            }
            Err(e) => set_error.set(e.message()),
        }
    };
    let what = move || deleting.with(|d| d.as_ref().map_or(Erasure::Profile, |(_, w)| *w));
    let title = move || {
        deleting.with(|d| match d {
            Some((p, Erasure::Profile)) => msg::delete_title(&p.pseudonym),
            Some((p, Erasure::Progress)) => msg::erase_title(&p.pseudonym),
            None => String::new(),
        })
    };
    let text = move || t(if what() == Erasure::Profile { M::DeleteDialogText } else { M::EraseDialogText });
    let button = move || t(if what() == Erasure::Profile { M::DeleteConfirmButton } else { M::EraseConfirmButton });
    view! {
        <dialog
            node_ref=dialog
            class="dialogue"
            aria-labelledby="titre-suppression"
            aria-describedby="texte-suppression"
            data-testid="dialogue-suppression"
            on:close=move |_| {
                typed.set(String::new());
                set_error.set(String::new());
            }
        >
            <form on:submit=confirm novalidate>
                <h2 id="titre-suppression">{title}</h2>
                <p id="texte-suppression">{text}</p>
                <div class="champ">
                    <label for="suppression-pseudonyme">{t(M::DeleteConfirmLabel)}</label>
                    <input
                        id="suppression-pseudonyme"
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        data-testid="suppression-pseudonyme"
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))
                    />
                </div>
                <p class="erreur" role="alert" data-testid="suppression-erreur">{error}</p>
                <div class="profil-actions">
                    <button type="submit" class="bouton-danger" data-testid="confirmer-suppression">
                        {button}
                    </button>
                    <button type="button" class="bouton-secondaire" on:click=move |_| close()>
                        {t(M::Cancel)}
                    </button>
                </div>
            </form>
        </dialog>
    }
}

/// Reads a chosen file as text, unless it is larger than core's import
/// limit (the import checks again, precisely).
async fn read_file(file: web_sys::File) -> Result<String, String> {
    if file.size() > MAX_IMPORT_BYTES as f64 {
        return Err(t(M::ImportTooBig).to_string());
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.map_err(|_| t(M::ImportUnreadable).to_string())?;
    text.as_string().ok_or_else(|| t(M::ImportUnreadable).to_string())
}

fn chosen_files(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let Some(list) = input.files() else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[component]
fn ImportProfile(say: impl Fn(Said) + Copy + Send + Sync + 'static) -> impl IntoView {
    let storage = use_storage();
    let (problems, set_problems) = signal(Vec::<String>::new());
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = chosen_files(&input).into_iter().next() else {
            say(Err(t(M::ImportChoose).to_string()));
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let result = read_file(file).await.and_then(|text| storage.import(&text).map_err(|e| e.message()));
            match result {
                Ok(report) => {
                    say(Ok(msg::import_done(report.added, report.already_present, report.skipped)));
                    set_problems.set(report.problems.iter().map(crate::i18n::storage::problem).collect());
                }
                Err(m) => {
                    say(Err(m));
                    set_problems.set(Vec::new());
                }
            }
        });
    };
    view! {
        <div class="import">
            <h3>{t(M::ImportTitle)}</h3>
            <p>{t(M::ImportText)}</p>
            <div class="champ">
                <label for="import-fichier">{t(M::ImportLabel)}</label>
                <input
                    id="import-fichier"
                    type="file"
                    accept=".json,application/json"
                    data-testid="importer"
                    on:change=on_change
                />
            </div>
            <ul class="problemes" data-testid="import-problemes">
                {move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
            </ul>
        </div>
    }
}

/// Space used, persistence, memory mode.
#[component]
fn StorageSpace() -> impl IntoView {
    let storage = use_storage();
    let state = Memo::new(move |_| storage.state());
    view! {
        <section aria-labelledby="titre-stockage" class="bloc">
            <h2 id="titre-stockage">{t(M::StorageTitle)}</h2>
            <p data-testid="espace-utilise">
                {t(M::QuotaUsedLabel)}
                {move || {
                    let Usage { used, quota } = storage.usage();
                    msg::quota_used(used, quota)
                }}
            </p>
            <p data-testid="persistance">
                {move || match state.with(|s| (s.mode, s.persisted)) {
                    (Mode::Memory, _) => t(M::MemoryNote),
                    (Mode::Local, Persistence::Persisted) => t(M::Persisted),
                    (Mode::Local, _) => t(M::NotPersisted),
                }}
            </p>
        </section>
    }
}

/// « Espace enseignant »: a class file from several pupils' exports.
#[component]
fn TeacherClassFile() -> impl IntoView {
    let input = NodeRef::<html::Input>::new();
    let (result, set_result) = signal(String::new());
    let (problems, set_problems) = signal(Vec::<String>::new());
    let build = move |_| {
        let Some(el) = input.get_untracked() else { return };
        let files = chosen_files(&el);
        if files.is_empty() {
            set_result.set(t(M::TeacherNoFiles).to_string());
            set_problems.set(Vec::new());
            return;
        }
        leptos::task::spawn_local(async move {
            let mut names = Vec::new();
            let mut texts = Vec::new();
            let mut notes = Vec::new();
            for f in files {
                let name = f.name();
                match read_file(f).await {
                    Ok(text) => {
                        names.push(name);
                        texts.push(text);
                    }
                    Err(m) => notes.push(msg::file_problem(&name, &m)),
                }
            }
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let class = build_class_file(&refs);
            for (i, p) in &class.problems {
                notes
                    .push(msg::file_problem(names.get(*i).map(String::as_str).unwrap_or(""), &crate::i18n::storage::class_problem(p)));
            }
            if class.pupils == 0 {
                set_result.set(t(M::TeacherNoValid).to_string());
            } else if download_json(&class_file_name(&today()), &class.text) {
                set_result.set(msg::class_done(class.pupils));
            } else {
                set_result.set(t(M::ErrorWriteFailed).to_string());
            }
            set_problems.set(notes);
        });
    };
    view! {
        <section aria-labelledby="titre-enseignant" class="bloc bloc-enseignant" data-testid="espace-enseignant">
            <h2 id="titre-enseignant">{t(M::TeacherTitle)}</h2>
            <p>{t(M::TeacherText)}</p>
            <div class="champ">
                <label for="classe-fichiers">{t(M::TeacherFilesLabel)}</label>
                <input
                    id="classe-fichiers"
                    type="file"
                    multiple
                    accept=".json,application/json"
                    node_ref=input
                    data-testid="classe-fichiers"
                />
            </div>
            <button type="button" on:click=build data-testid="creer-classe">{t(M::TeacherBuild)}</button>
            <p class="message-action" role="status" data-testid="classe-resultat">{result}</p>
            <ul class="problemes" data-testid="classe-problemes">
                {move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
            </ul>
        </section>
    }
}
