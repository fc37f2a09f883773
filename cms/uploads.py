"""The image upload form of Wagtail's admin (WAGTAILIMAGES_IMAGE_FORM_BASE), with a stricter file check.

Wagtail counts an upload's pixels by decoding the whole image: a PNG that declares 8000 × 8000 pixels is
decompressed into memory before it is refused, and one cut short raises an OSError that ends in a 500. Here
the size is read from the header first, and a file that still cannot be decoded is a form error."""

import warnings

from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.images.models import Image


class CheckedImageField(WagtailImageField):
    def _too_many_pixels(self, count) -> ValidationError:
        return ValidationError(
            self.error_messages["file_too_many_pixels"]
            % {"num_pixels": count, "max_pixels_count": self.max_image_pixels},
            code="file_too_many_pixels",
        )

    def _invalid(self) -> ValidationError:
        return ValidationError(self.error_messages["invalid_image"], code="invalid_image")

    def _header_size(self, f) -> tuple[int, int]:
        source = getattr(f.image, "f", None)
        if source is None:
            return 0, 0
        try:
            source.seek(0)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
                with PILImage.open(source) as image:  # reads the header only
                    return image.size
        except PILImage.DecompressionBombError:
            raise self._too_many_pixels(_("unknown number")) from None
        except Exception as error:  # noqa: BLE001 - whatever Pillow cannot read is not an image
            raise self._invalid() from error
        finally:
            source.seek(0)

    def check_image_pixel_size(self, f):
        width, height = self._header_size(f)
        if self.max_image_pixels and width * height > self.max_image_pixels:
            raise self._too_many_pixels(width * height)
        try:
            super().check_image_pixel_size(f)
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 - a truncated or corrupt file that Pillow fails to decode
            raise self._invalid() from error


class ImageForm(BaseImageForm):
    file = CheckedImageField(label=capfirst(Image._meta.get_field("file").verbose_name))
