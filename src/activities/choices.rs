//! choix-unique, choix-multiples (radio buttons or check boxes in a
//! fieldset whose legend is the question) and vrai-faux.

use communs_core::lesson::{Choice, Mark, SafeHtml};
use communs_core::response::Response;
use leptos::prelude::*;

use super::{mark_attr, mark_badge, Ctx};
use crate::components::safe_html;
use crate::i18n::activities::ActivityMsg;
use crate::i18n::t;

/// Choices shown in a seeded order; the response lists author indices.
#[component]
pub(crate) fn ChoiceList(ctx: Ctx, question: SafeHtml, choices: Vec<Choice>, multiple: bool) -> impl IntoView {
    let n = choices.len();
    let picked = RwSignal::new(Vec::<usize>::new());
    ctx.set_collector(move || {
        let mut p = picked.get_untracked();
        if p.is_empty() {
            return Err(ActivityMsg::ChooseFirst);
        }
        p.sort_unstable();
        Ok(Response::Choices(p.into_iter().map(|i| i as u8).collect()))
    });
    let choices = StoredValue::new(choices);
    let name = ctx.id("choix");
    let kind = if multiple { "checkbox" } else { "radio" };
    view! {
        <fieldset class="activite-groupe">
            <legend class="activite-question" inner_html=safe_html(&question)></legend>
            {multiple.then(|| view! { <p class="activite-consigne">{t(ActivityMsg::CheckAllThatApply)}</p> })}
            <ul class="activite-options">
                {move || ctx.order(n, 0).into_iter().map(|i| {
                    let choice = choices.with_value(|c| c[i].clone());
                    let input_id = format!("{name}-{i}");
                    let for_id = input_id.clone();
                    let name = name.clone();
                    let on_change = move |ev: leptos::ev::Event| {
                        let on = event_target_checked(&ev);
                        picked.update(|p| {
                            if !multiple {
                                p.clear();
                            }
                            p.retain(|&j| j != i);
                            if on {
                                p.push(i);
                            }
                        });
                    };
                    let chosen = move || picked.with(|p| p.contains(&i));
                    let feedback = choice.feedback.clone();
                    let correct = choice.correct;
                    view! {
                        <li class="activite-option" data-marque=move || mark_attr(ctx.mark(i), ctx.revealed())>
                            <label class="activite-option-etiquette" for=for_id>
                                <input type=kind id=input_id name=name data-testid="choix" data-index=i
                                    prop:checked=chosen
                                    disabled=move || ctx.answered()
                                    on:change=on_change/>
                                <span class="activite-option-texte" inner_html=safe_html(&choice.html)></span>
                            </label>
                            {move || mark_badge(ctx.mark(i), ctx.revealed())}
                            {move || {
                                let show = ctx.answered() && (chosen() || (correct && ctx.revealed()));
                                feedback.clone().filter(|_| show).map(|f| view! {
                                    <p class="retour" data-testid="retour" inner_html=safe_html(&f)></p>
                                })
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
    }
}

/// « Vrai » / « Faux », always in that order.
#[component]
pub(crate) fn TrueFalse(ctx: Ctx, question: SafeHtml) -> impl IntoView {
    let picked = RwSignal::new(None::<bool>);
    ctx.set_collector(move || picked.get_untracked().map(Response::Bool).ok_or(ActivityMsg::ChooseFirst));
    let name = ctx.id("vf");
    let option = move |value: bool| {
        let input_id = format!("{name}-{}", if value { "vrai" } else { "faux" });
        let for_id = input_id.clone();
        let mark = move || if picked.get() == Some(value) { ctx.mark(0) } else { None::<Mark> };
        view! {
            <li class="activite-option" data-marque=move || mark_attr(mark(), ctx.revealed())>
                <label class="activite-option-etiquette" for=for_id>
                    <input type="radio" id=input_id name=name.clone() data-testid="choix"
                        data-valeur=if value { "vrai" } else { "faux" }
                        prop:checked=move || picked.get() == Some(value)
                        disabled=move || ctx.answered()
                        on:change=move |ev| if event_target_checked(&ev) { picked.set(Some(value)) }/>
                    <span class="activite-option-texte">{t(if value { ActivityMsg::True } else { ActivityMsg::False })}</span>
                </label>
                {move || mark_badge(mark(), ctx.revealed())}
            </li>
        }
    };
    view! {
        <fieldset class="activite-groupe">
            <legend class="activite-question" inner_html=safe_html(&question)></legend>
            <ul class="activite-options activite-options-vf">
                {option(true)}
                {option(false)}
            </ul>
        </fieldset>
    }
}
