from django import template

from volunteers.models import ConsentText
from volunteers.phones import phone_display

register = template.Library()


@register.simple_tag
def current_consent_text():
    return ConsentText.current()


@register.filter
def phone(value):
    return phone_display(value)
