//! The class view's own wasm module, loaded on demand by the story page
//! (`components::class_host`). Built by trunk beside the main app.

fn main() {
    weigh_the_plan::start_class_view();
}
