//! scenario: a situation, its choices (buttons), the feedback of each choice
//! taken, and an end with the author's score. Reaching an end is the answer.
//! Where a path leads and the best path come from
//! `communs_core::activity::scenario`.

use communs_core::activity::scenario::{best_path, walk, Place};
use communs_core::lesson::ScenarioNode;
use communs_core::response::Response;
use leptos::prelude::*;

use super::Ctx;
use crate::components::safe_html;
use crate::i18n::activities::{self as am, ActivityMsg};
use crate::i18n::t;

/// « Le meilleur chemin » : the choices of the best path, in order.
pub(crate) fn best_path_view(nodes: &[ScenarioNode]) -> AnyView {
    let Some(best) = best_path(nodes) else { return ().into_any() };
    view! {
        <ol>
            {best.steps.into_iter().map(|s| view! { <li inner_html=safe_html(&nodes[s.node].choices[s.choice].html)></li> }).collect_view()}
        </ol>
    }
    .into_any()
}

#[component]
pub(crate) fn Scenario(ctx: Ctx, nodes: Vec<ScenarioNode>) -> impl IntoView {
    let nodes = StoredValue::new(nodes);
    let path = RwSignal::new(Vec::<u8>::new());
    ctx.set_collector(move || Err(ActivityMsg::ChooseFirst));
    // « Recommencer » goes back to the start.
    Effect::new(move |prev: Option<u32>| {
        let e = ctx.epoch.get();
        if prev.is_some_and(|p| p != e) {
            path.set(Vec::new());
        }
        e
    });
    let state = Memo::new(move |_| path.with(|p| nodes.with_value(|n| walk(n, p))));
    let choose = move |c: usize| {
        if ctx.answered() {
            return;
        }
        path.update(|p| p.push(c as u8));
        if matches!(state.get_untracked().place, Place::End(_)) {
            ctx.submit(Response::Path(path.get_untracked()), false);
        }
        ctx.focus_later("[data-testid=scenario-situation]".to_string());
    };
    let choices_label = ctx.id("que-fais-tu");
    view! {
        <div class="scenario" data-testid="scenario">
            {move || {
                let steps = state.get().steps;
                (!steps.is_empty()).then(|| view! {
                    <p class="activite-sous-titre">{t(ActivityMsg::ScenarioPathTitle)}</p>
                    <ol class="scenario-parcours">
                        {steps.into_iter().enumerate().map(|(k, step)| {
                            let (n, c) = (step.node, step.choice);
                            let (situation, choice, feedback) = nodes.with_value(|nodes| {
                                let ch = &nodes[n].choices[c];
                                (nodes[n].html.clone(), ch.html.clone(), ch.feedback.clone())
                            });
                            view! {
                                <li class="scenario-etape" data-testid="scenario-etape">
                                    <span class="sr-only">{am::step(k)}" "</span>
                                    <div class="scenario-etape-situation" inner_html=safe_html(&situation)></div>
                                    <p class="scenario-choix-pris">
                                        <strong>{t(ActivityMsg::ScenarioYourChoice)}</strong>" "
                                        <span inner_html=safe_html(&choice)></span>
                                    </p>
                                    {feedback.map(|f| view! { <p class="retour" data-testid="retour" inner_html=safe_html(&f)></p> })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                })
            }}
            {move || {
                let (at, is_end) = match state.get().place {
                    Place::Situation(at) => (at, false),
                    Place::End(at) => (at, true),
                    Place::Nowhere => return ().into_any(),
                };
                let node = nodes.with_value(|n| n.get(at).cloned());
                let Some(node) = node else { return ().into_any() };
                let choices_label = choices_label.clone();
                let labelled_by = choices_label.clone();
                let n = node.choices.len();
                let order = ctx.order(n, at + 1);
                view! {
                    <div class="scenario-situation" class:scenario-fin=is_end data-testid="scenario-situation"
                        data-noeud=node.id.clone() data-fin=node.end tabindex="-1" inner_html=safe_html(&node.html)></div>
                    {(!is_end).then(|| view! {
                        <div class="scenario-choix-groupe" role="group" aria-labelledby=labelled_by>
                            <p class="activite-sous-titre" id=choices_label>{t(ActivityMsg::ScenarioChoicesLabel)}</p>
                            <ul class="scenario-choix-liste">
                                {order.into_iter().map(|c| view! {
                                    <li>
                                        <button type="button" class="bouton bouton-secondaire scenario-choix"
                                            data-testid="scenario-choix" data-index=c
                                            on:click=move |_| choose(c)
                                            inner_html=safe_html(&node.choices[c].html)></button>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </div>
                    })}
                }
                .into_any()
            }}
        </div>
    }
}
