//! What the reader's share links carry besides the tags: a name, and the
//! class label from a teacher's `#join=` address.

use super::notices::{LinkProblem, Notices};
use crate::browser;
use leptos::prelude::*;
use plan_core::share;

#[derive(Clone, Copy)]
pub struct Profile {
    name: RwSignal<String>,
    joined_class: RwSignal<Option<String>>,
    notices: Notices,
}

impl Profile {
    pub fn new(notices: Notices) -> Self {
        Profile { name: RwSignal::new(String::new()), joined_class: RwSignal::new(None), notices }
    }

    /// Reads the saved name and class (in the browser, after the first render).
    pub fn load(&self) {
        self.name.set(browser::load_name());
        self.joined_class.set(browser::load_text(browser::JOINED_CLASS_KEY).as_deref().and_then(share::clean_class));
    }

    pub fn name(&self) -> String {
        self.name.get()
    }

    pub fn name_untracked(&self) -> String {
        self.name.get_untracked()
    }

    /// The name typed for share links, cut to what a link carries (in characters).
    pub fn set_name(&self, typed: &str) {
        let name: String = typed.chars().take(share::MAX_NAME_CHARS).collect();
        // A refused save of the name is not worth a notice: the link carries it.
        browser::save_name(&name);
        self.name.set(name);
    }

    /// Another tab saved a name (empty when cleared).
    pub fn name_from_other_tab(&self, name: String) {
        self.name.set(name);
    }

    pub fn joined_class(&self) -> Option<String> {
        self.joined_class.get()
    }

    pub fn joined_class_untracked(&self) -> Option<String> {
        self.joined_class.get_untracked()
    }

    /// A teacher's `#join=` address: from now on this reader's links carry the label.
    pub fn join_class(&self, label: Option<String>) {
        match label {
            Some(label) => {
                browser::save_text(browser::JOINED_CLASS_KEY, &label);
                self.joined_class.set(Some(label));
                self.notices.show_joined(true);
            }
            None => self.notices.report_link(LinkProblem::BadClassLabel),
        }
    }

    pub fn leave_class(&self) {
        browser::save_text(browser::JOINED_CLASS_KEY, "");
        self.joined_class.set(None);
        self.notices.show_joined(false);
    }

    /// Another tab joined or left a class.
    pub fn class_from_other_tab(&self, class: Option<String>) {
        self.joined_class.set(class);
    }
}
