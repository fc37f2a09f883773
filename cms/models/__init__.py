from cms.models.pages import (
    BestPracticeIndexPage,
    BestPracticePage,
    ContactPage,
    DaysOfActionPage,
    FaqPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    NewsPageTag,
    ProjectIndexPage,
    ProjectPage,
    SitePage,
    StandardPage,
)
from cms.models.site_settings import Navigation, SiteSettings

__all__ = [
    "BestPracticeIndexPage",
    "BestPracticePage",
    "ContactPage",
    "DaysOfActionPage",
    "FaqPage",
    "HomePage",
    "Navigation",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "ProjectIndexPage",
    "ProjectPage",
    "SitePage",
    "SiteSettings",
    "StandardPage",
]
