//! Prints the page's HTML, rendered from the same components the browser
//! hydrates. Run by trunk's post-build hook (`scripts/post_build.py`).

fn main() {
    print!("{}", weigh_the_plan::render_page());
}
